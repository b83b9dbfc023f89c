import { Alert, Badge, Button, FileInput, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { docxMaxBytes, type ImportPreview } from "../../../../contracts/texts-io.ts";
import { api } from "../../../shell/api.ts";
import { describeError } from "../../../shell/errors.ts";
import { textsKeys } from "../queries.ts";

// The secretariat's import of an earlier statement from Word: choose the .docx, see how it splits
// (title, preambular and operative paragraphs) before anything is saved, then open the text.

/** A file's bytes base64-encoded, as the import routes take them. */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

const roundPath = (roundId: string, leaf: string) =>
  `/api/rounds/${encodeURIComponent(roundId)}/texts/${leaf}`;

/** The preview's paragraphs with a key each and the number an operative paragraph will have. */
function numbered(paragraphs: ImportPreview["paragraphs"]) {
  let operative = 0;
  return paragraphs.map((paragraph, position) => ({
    ...paragraph,
    key: `p${position}`,
    number: paragraph.kind === "operative" ? `${++operative}.` : null,
  }));
}

/** Import from Word with a preview of the split; shown to whoever may open a text in the round. */
export function ImportDocx({ roundId, kind }: { roundId: string; kind: string }) {
  const { t } = useTranslation("textsIo");
  const navigate = useNavigate();
  const client = useQueryClient();
  const [docx, setDocx] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | null>(null);
  const preview = useMutation({
    mutationFn: (body: { docx: string }) =>
      api.post<ImportPreview>(roundPath(roundId, "import-preview"), body),
  });
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api.post<{ id: string }>(roundPath(roundId, "import-docx"), body),
    onSuccess: () => client.invalidateQueries({ queryKey: textsKeys.round(roundId) }),
  });
  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setError(null);
    setDocx(null);
    preview.reset();
    if (!chosen) return;
    if (chosen.size > docxMaxBytes) {
      setError(t("tooLarge", { size: docxMaxBytes / 1024 / 1024 }));
      return;
    }
    try {
      const encoded = await base64Of(chosen);
      const split = await preview.mutateAsync({ docx: encoded });
      setDocx(encoded);
      setTitle(split.title ?? chosen.name.replace(/\.docx$/i, ""));
    } catch (failure) {
      setError(describeError(t, failure));
    }
  };
  const submit = async () => {
    if (!docx) return;
    setError(null);
    try {
      const created = await save.mutateAsync({ kind, docx, ...(title.trim() ? { title } : {}) });
      navigate(`/texts/${encodeURIComponent(created.id)}`);
    } catch (failure) {
      setError(describeError(t, failure));
    }
  };
  return (
    <Paper withBorder p="md" radius="md" aria-labelledby="import-docx">
      <Stack gap="sm">
        <Title order={2} size="h4" id="import-docx">
          {t("import.title")}
        </Title>
        <FileInput
          label={t("import.file")}
          description={t("import.help")}
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          value={file}
          onChange={choose}
          clearable
          data-testid="docx-input"
        />
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        {preview.isPending ? <Text size="sm">{t("import.reading")}</Text> : null}
        {docx && preview.data ? (
          <Stack gap="xs" data-testid="docx-preview">
            <TextInput
              label={t("import.name")}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              dir="auto"
              required
            />
            <Text size="sm" c="dimmed">
              {t("import.count", { count: preview.data.paragraphs.length })}
            </Text>
            <Stack
              gap={4}
              component="ol"
              style={{ listStyle: "none", padding: 0, margin: 0, maxHeight: 360, overflow: "auto" }}
            >
              {numbered(preview.data.paragraphs).map((paragraph) => (
                <Group key={paragraph.key} component="li" gap="xs" wrap="nowrap" align="flex-start">
                  <Badge size="sm" variant="light" style={{ flexShrink: 0 }}>
                    {paragraph.number ?? t(`kind.${paragraph.kind}`)}
                  </Badge>
                  <Text size="sm" dir="auto" fs={paragraph.kind === "preambular" ? "italic" : undefined}>
                    {paragraph.body}
                  </Text>
                </Group>
              ))}
            </Stack>
            <Group>
              <Button onClick={submit} loading={save.isPending} disabled={!title.trim()}>
                {t("import.submit")}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
