import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { describeError } from "../../shell/errors.ts";
import { FormPanel } from "../../shell/FormPanel.tsx";
import type { SectionContexts } from "../../shell/module.ts";
import { ImportDocx } from "./io/ImportDocx.tsx";
import { type DocumentSummary, useCreateDocument, useRoundTexts } from "./queries.ts";

// This module's sections of the round page (the texts a reader may see) and of the secretariat's round
// page (the same list, and opening a text from a pasted statement).

function TextsList({ items }: { items: DocumentSummary[] }) {
  const { t } = useTranslation("texts");
  if (items.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t("list.none")}
      </Text>
    );
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
      {items.map((item) => (
        <Group key={item.id} component="li" gap="sm" wrap="wrap" data-testid="text-item">
          <Anchor component={Link} to={`/texts/${encodeURIComponent(item.id)}`} dir="auto">
            {item.title}
          </Anchor>
          <Badge variant="light">{t(`kind.${item.kind}`)}</Badge>
          <Badge variant="outline" color={item.status === "draft" ? "orange" : "teal"}>
            {t(`status.${item.status}`)}
          </Badge>
          {item.publishedOn ? (
            <Text size="sm" c="dimmed">
              {t("list.published", { date: item.publishedOn })}
            </Text>
          ) : null}
        </Group>
      ))}
    </Stack>
  );
}

/** The round page's section: the texts of the round this reader may see (drafts in their tier, published ones for all). */
export function RoundTextsSection({ round }: SectionContexts["round"]) {
  const { t } = useTranslation("texts");
  const texts = useRoundTexts(round.id);
  if (!texts.data || texts.data.items.length === 0) return null;
  return (
    <section aria-labelledby="round-texts">
      <Title order={2} size="h3" id="round-texts" mb="sm">
        {t("list.title")}
      </Title>
      <TextsList items={texts.data.items} />
    </section>
  );
}

const kinds = ["joint_statement", "memorandum", "communique", "regulations"] as const;

/** The secretariat's tab: the round's texts and a form to open one, optionally from a pasted earlier statement. */
export function WorkspaceTextsSection({ round }: SectionContexts["workspaceRound"]) {
  const { t } = useTranslation("texts");
  const texts = useRoundTexts(round.id);
  const create = useCreateDocument(round.id);
  const navigate = useNavigate();
  const [kind, setKind] = useState<string>("joint_statement");
  const [title, setTitle] = useState("");
  const [plainText, setPlainText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const created = await create.mutateAsync({ kind, title, ...(plainText.trim() ? { plainText } : {}) });
      navigate(`/texts/${encodeURIComponent(created.id)}`);
    } catch (failure) {
      setError(describeError(t, failure));
    }
  };
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <TextsList items={texts.data?.items ?? []} />
      </Paper>
      {texts.data?.can.create ? (
        <FormPanel id="new-text" title={t("create.title")} onSubmit={submit} error={error}>
          <Select
            label={t("create.kind")}
            data={kinds.map((value) => ({ value, label: t(`kind.${value}`) }))}
            value={kind}
            onChange={(value) => setKind(value ?? "joint_statement")}
            allowDeselect={false}
          />
          <TextInput
            label={t("create.name")}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            dir="auto"
          />
          <Textarea
            label={t("create.plainText")}
            description={t("create.plainTextHelp")}
            autosize
            minRows={6}
            maxRows={20}
            value={plainText}
            onChange={(e) => setPlainText(e.currentTarget.value)}
            dir="auto"
          />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t("create.submit")}
            </Button>
          </Group>
        </FormPanel>
      ) : null}
      {texts.data?.can.create ? <ImportDocx roundId={round.id} kind={kind} /> : null}
    </Stack>
  );
}
