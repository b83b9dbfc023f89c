import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { describeError } from "../../shell/errors.ts";
import { type TranslationsView, useParagraphChange, useTranslations } from "./queries-views.ts";

type Row = TranslationsView["rows"][number];
const directionOf = (language: string) => (language === "ar" || language === "fa" ? "rtl" : "ltr");

/** A translation's cell: its words (right-to-left for Arabic), a warning when its source changed, and the editor. */
function TranslationCell({
  row,
  view,
  onSave,
}: {
  row: Row;
  view: TranslationsView;
  onSave: (body: string) => Promise<boolean>;
}) {
  const { t } = useTranslation("texts");
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(row.translation?.body ?? "");
  const [busy, setBusy] = useState(false);
  const names = {
    source: t(`languages.name.${view.authoritative}`),
    target: t(`languages.name.${view.language}`),
  };
  return (
    <div lang={view.language} dir={directionOf(view.language)}>
      {row.translation ? (
        <Text className="texts-paragraph">{row.translation.body}</Text>
      ) : (
        <Text size="sm" c="dimmed">
          {t("languages.missing")}
        </Text>
      )}
      {row.translation?.stale ? (
        <Alert color="orange" p="xs" mt={4} data-testid="translation-stale" title={t("languages.staleTitle")}>
          {t("languages.stale", names)}
        </Alert>
      ) : null}
      {view.can.translate && !editing ? (
        <Button size="compact-xs" variant="subtle" mt={4} onClick={() => setEditing(true)}>
          {t("languages.edit", names)}
        </Button>
      ) : null}
      {editing ? (
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            setBusy(true);
            const done = await onSave(text);
            setBusy(false);
            if (done) setEditing(false);
          }}
        >
          <Textarea
            label={t("languages.edit", names)}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={2}
            required
          />
          <Button type="submit" size="compact-sm" mt={4} loading={busy}>
            {t("four.save")}
          </Button>
        </form>
      ) : null}
    </div>
  );
}

/** The authoritative text beside a translation, paragraph by paragraph, with stale translations flagged. */
export function LanguagesPanel({ documentId }: { documentId: string }) {
  const { t } = useTranslation("texts");
  const [language, setLanguage] = useState("");
  const query = useTranslations(documentId, language);
  const change = useParagraphChange(documentId);
  const [failure, setFailure] = useState<string | null>(null);
  if (query.isPending) return <Loader size="sm" aria-label={t("loading")} />;
  if (query.isError || !query.data)
    return (
      <Alert color="orange" role="alert">
        {describeError(t, query.error)}
      </Alert>
    );
  const view = query.data;
  return (
    <Stack gap="xs" data-testid="languages">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t("languages.choose")}
          value={view.language}
          onChange={(e) => setLanguage(e.currentTarget.value)}
          data={view.languages.map((value) => ({ value, label: t(`languages.name.${value}`) }))}
        />
        <Badge variant="light">
          {t("languages.authoritative", { language: t(`languages.name.${view.authoritative}`) })}
        </Badge>
        {view.stale > 0 ? (
          <Badge color="orange" variant="light">
            {t("languages.staleCount", { count: view.stale })}
          </Badge>
        ) : null}
      </Group>
      {failure ? (
        <Alert color="orange" role="alert" withCloseButton onClose={() => setFailure(null)}>
          {failure}
        </Alert>
      ) : null}
      {view.rows.map((row) => (
        <Paper
          key={row.paragraph.id}
          withBorder
          p="sm"
          radius="md"
          className="texts-side-by-side"
          data-testid="language-row"
        >
          <div lang={view.authoritative} dir={directionOf(view.authoritative)}>
            <Text className="texts-paragraph">
              {row.paragraph.number && row.paragraph.kind === "operative" ? (
                <b>{row.paragraph.number} </b>
              ) : null}
              {row.paragraph.body}
            </Text>
          </div>
          <TranslationCell
            key={`${row.paragraph.id}-${view.language}`}
            row={row}
            view={view}
            onSave={async (body) => {
              setFailure(null);
              try {
                await change.mutateAsync({
                  paragraphId: row.paragraph.id,
                  to: "translation",
                  body: { language: view.language, body, sourceVersion: row.paragraph.revisedInVersion },
                });
                return true;
              } catch (error) {
                setFailure(describeError(t, error));
                return false;
              }
            }}
          />
        </Paper>
      ))}
    </Stack>
  );
}
