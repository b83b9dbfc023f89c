import {
  Button,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CompilationView } from "./queries.ts";

type Act = (to: string[], body?: Record<string, unknown>) => Promise<boolean>;

/**
 * A delegation's proposal: replace words of a paragraph (typed as they stand; they must occur once),
 * insert a paragraph after another, or delete one, with a rationale.
 */
export function ProposalForm({ view, act }: { view: CompilationView; act: Act }) {
  const { t } = useTranslation("texts");
  const [kind, setKind] = useState("replace");
  const [paragraphId, setParagraphId] = useState<string | null>(null);
  const [words, setWords] = useState("");
  const [text, setText] = useState("");
  const [rationale, setRationale] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const paragraphs = view.paragraphs.map((p) => ({
    value: p.id,
    label: `${p.number ?? t(`paragraphKind.${p.kind}`)} ${p.body.slice(0, 60)}`,
  }));
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const target = view.paragraphs.find((p) => p.id === paragraphId);
    const body: Record<string, unknown> = { kind, ...(rationale.trim() ? { rationale } : {}) };
    if (kind === "insert")
      Object.assign(body, {
        text,
        paragraphKind: "operative",
        ...(paragraphId ? { afterParagraphId: paragraphId } : {}),
      });
    else if (!target) return setProblem(t("propose.chooseParagraph"));
    else if (kind === "delete") body.paragraphId = target.id;
    else {
      const start = target.body.indexOf(words);
      if (!words || start < 0 || target.body.indexOf(words, start + 1) >= 0)
        return setProblem(t("propose.wordsNotFound"));
      Object.assign(body, {
        paragraphId: target.id,
        start,
        end: start + words.length,
        ...(text ? { text } : { deleteSpan: true }),
      });
    }
    if (await act(["proposals"], body)) {
      setWords("");
      setText("");
      setRationale("");
    }
  };
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="form"
      onSubmit={submit}
      aria-labelledby="propose"
      data-testid="propose-form"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="propose">
          {t("propose.title", { names: view.actingAs.map((p) => p.name).join(", ") })}
        </Title>
        <SegmentedControl
          value={kind}
          onChange={setKind}
          aria-label={t("propose.kind")}
          data={["replace", "insert", "delete"].map((value) => ({
            value,
            label: t(`proposalKind.${value}`),
          }))}
        />
        <NativeSelect
          label={kind === "insert" ? t("propose.after") : t("propose.paragraph")}
          data={[{ value: "", label: "—" }, ...paragraphs]}
          value={paragraphId ?? ""}
          onChange={(event) => setParagraphId(event.currentTarget.value || null)}
        />
        {kind === "replace" ? (
          <TextInput
            label={t("propose.words")}
            value={words}
            onChange={(e) => setWords(e.currentTarget.value)}
            dir="auto"
          />
        ) : null}
        {kind !== "delete" ? (
          <Textarea
            label={kind === "insert" ? t("propose.newParagraph") : t("propose.newWords")}
            autosize
            minRows={2}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            dir="auto"
          />
        ) : null}
        <Textarea
          label={t("propose.rationale")}
          autosize
          minRows={1}
          value={rationale}
          onChange={(e) => setRationale(e.currentTarget.value)}
          dir="auto"
        />
        {problem ? (
          <Stack role="alert" c="red" fz="sm">
            {problem}
          </Stack>
        ) : null}
        <Group>
          <Button type="submit">{t("propose.submit")}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
