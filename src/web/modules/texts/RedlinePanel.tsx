import { Alert, Badge, Group, Loader, NativeSelect, Paper, Stack, Text, VisuallyHidden } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { describeError } from "../../shell/errors.ts";
import { type RedlineView, useRedline } from "./queries-views.ts";

type Paragraph = RedlineView["paragraphs"][number];

/**
 * One paragraph's word changes: insertions in <ins>, deletions in <del>, each also underlined or struck
 * through (never colour alone) and announced to screen readers as "inserted" / "deleted".
 */
function RedlineWords({ paragraph, language }: { paragraph: Paragraph; language: string }) {
  const { t } = useTranslation("texts");
  return (
    <Text component="div" className="texts-paragraph" lang={language} dir="auto">
      {paragraph.parts.map((part, index) => {
        const key = `${index}-${part.kind}`;
        if (part.kind === "insert")
          return (
            <ins key={key} className="texts-ins" data-testid="redline-ins">
              <VisuallyHidden>{`${t("redline.inserted")}: `}</VisuallyHidden>
              {part.text}
              <VisuallyHidden>{` ${t("redline.end")}`}</VisuallyHidden>
            </ins>
          );
        if (part.kind === "delete")
          return (
            <del key={key} className="texts-del" data-testid="redline-del">
              <VisuallyHidden>{`${t("redline.deleted")}: `}</VisuallyHidden>
              {part.text}
              <VisuallyHidden>{` ${t("redline.end")}`}</VisuallyHidden>
            </del>
          );
        return <span key={key}>{part.text}</span>;
      })}
    </Text>
  );
}

/** The redline between two versions of the draft, chosen by the reader (by default the last change). */
export function RedlinePanel({ documentId, version }: { documentId: string; version: number }) {
  const { t } = useTranslation("texts");
  const [from, setFrom] = useState(String(Math.max(1, version - 1)));
  const [to, setTo] = useState("current");
  const query = useRedline(documentId, from, to);
  const versions = query.data?.versions ?? [];
  const options = [
    { value: "current", label: t("redline.current", { version }) },
    ...versions
      .filter((v) => v.version !== version)
      .map((v) => ({
        value: String(v.version),
        label: t("redline.versionAt", { version: v.version, at: new Date(v.at).toLocaleString() }),
      }))
      .reverse(),
  ];
  if (!options.some((option) => option.value === from))
    options.push({ value: from, label: t("version", { version: from }) });
  return (
    <Stack gap="sm" data-testid="redline">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t("redline.from")}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          data={options}
        />
        <NativeSelect
          label={t("redline.to")}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          data={options}
        />
      </Group>
      {query.isPending ? <Loader size="sm" aria-label={t("loading")} /> : null}
      {query.isError ? (
        <Alert color="orange" role="alert">
          {describeError(t, query.error)}
        </Alert>
      ) : null}
      {query.data ? (
        <>
          <Text size="sm" role="status">
            {t("redline.summary", query.data.summary)}
          </Text>
          {query.data.paragraphs
            .filter((p) => p.change !== "unchanged" || p.moved)
            .map((paragraph) => (
              <Paper
                key={paragraph.eId}
                withBorder
                p="sm"
                radius="md"
                data-testid="redline-paragraph"
                data-change={paragraph.change}
              >
                <Group gap="xs" mb={4}>
                  <Text size="sm" fw={600}>
                    {paragraph.numberAfter ?? paragraph.numberBefore ?? t(`paragraphKind.${paragraph.kind}`)}
                  </Text>
                  {paragraph.change !== "unchanged" ? (
                    <Badge
                      size="sm"
                      variant="outline"
                      color={
                        paragraph.change === "removed"
                          ? "red"
                          : paragraph.change === "added"
                            ? "teal"
                            : "blue"
                      }
                    >
                      {t(`redline.change.${paragraph.change}`)}
                    </Badge>
                  ) : null}
                  {paragraph.moved ? (
                    <Badge size="sm" variant="outline" color="grape">
                      {t("redline.moved", {
                        from: paragraph.numberBefore ?? "—",
                        to: paragraph.numberAfter ?? "—",
                      })}
                    </Badge>
                  ) : null}
                </Group>
                <RedlineWords paragraph={paragraph} language={query.data.language} />
              </Paper>
            ))}
          {query.data.paragraphs.every((p) => p.change === "unchanged" && !p.moved) ? (
            <Text c="dimmed">{t("redline.none")}</Text>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
