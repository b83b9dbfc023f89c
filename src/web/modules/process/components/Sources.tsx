import { Anchor, Button, List, Popover, Text } from "@mantine/core";
import { IconExternalLink, IconFileText } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useDates, useLanguageName } from "../format.ts";
import type { Source } from "../types.ts";
import { CiteMenu } from "./ExportMenu.tsx";

/** Each source once, in the order first met. */
export function uniqueSources(...lists: (Source[] | undefined)[]): Source[] {
  const seen = new Map<string, Source>();
  for (const list of lists)
    for (const source of list ?? []) if (!seen.has(source.id)) seen.set(source.id, source);
  return [...seen.values()];
}

/** The sources cited for the fields of a record whose name passes the test ("dates" → /date/). */
export function sourcesOfFields(citations: Record<string, Source[]> | undefined, test: RegExp): Source[] {
  return uniqueSources(
    ...Object.entries(citations ?? {})
      .filter(([field]) => test.test(field))
      .map(([, list]) => list),
  );
}

/** An address as a person reads it: percent-escapes decoded (Arabic and Cyrillic addresses), the scheme dropped. */
export function readableUrl(url: string): string {
  let text = url;
  try {
    text = decodeURI(url);
  } catch {
    // A malformed escape: show the address as stored.
  }
  return text.replace(/^https?:\/\/(www\.)?/, "");
}

/** The date of a source exactly as the page shows it; else the unambiguous date; else a gap. */
function SourceDate({ source }: { source: Source }) {
  const { t } = useTranslation("process");
  const dates = useDates();
  if (source.publishedAsShown) {
    return (
      <span>
        {t("sources.dateAsShown")}{" "}
        <bdi dir="auto" className="nowrap">
          {source.publishedAsShown}
        </bdi>
      </span>
    );
  }
  if (source.published) return <span>{dates.day(source.published)}</span>;
  return <span className="not-in-sources">{t("sources.noDate")}</span>;
}

/**
 * One source: the publisher, the title as a link (or the address when there is no title), date,
 * language; with `citable`, a button to cite it.
 */
export function SourceLine({ source, citable = false }: { source: Source; citable?: boolean }) {
  const { t } = useTranslation("process");
  const languageName = useLanguageName();
  const language = languageName(source.language);
  return (
    <div className="source-line" data-testid="source">
      <Text component="span" fw={600} size="sm" dir="ltr" className="source-publisher">
        {source.publisher}
      </Text>
      <Anchor
        href={source.url}
        target="_blank"
        rel="noopener noreferrer"
        size="sm"
        className="source-title"
        lang={source.title ? (source.language ?? undefined) : undefined}
        dir={source.title ? "auto" : "ltr"}
      >
        {source.title ?? readableUrl(source.url)}
        <IconExternalLink size={12} aria-label={t("sources.opensElsewhere")} className="external-icon" />
      </Anchor>
      <Text component="span" size="xs" c="dimmed" className="source-meta">
        <SourceDate source={source} />
        {language ? <span> · {language}</span> : null}
      </Text>
      {citable ? (
        <CiteMenu
          subjectType="source"
          id={source.id}
          subject={t("exports.source", { title: source.title ?? readableUrl(source.url) })}
        />
      ) : null}
    </div>
  );
}

/** The list of sources of a record or of one of its fields; "none found" when there are none. */
export function Sources({
  sources,
  emptyText,
  citable = false,
}: {
  sources: Source[];
  emptyText?: string;
  citable?: boolean;
}) {
  const { t } = useTranslation("process");
  if (sources.length === 0) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        {emptyText ?? t("sources.none")}
      </Text>
    );
  }
  return (
    <List spacing={6} size="sm" listStyleType="decimal" className="sources-list">
      {sources.map((source) => (
        <List.Item key={source.id}>
          <SourceLine source={source} citable={citable} />
        </List.Item>
      ))}
    </List>
  );
}

/**
 * A compact "3 sources" button beside a value, opening the sources in a popover; nothing when the value
 * cites none (the sources list of the page says so once, rather than at every value).
 */
export function SourcesButton({ sources, subject }: { sources: Source[]; subject: string }) {
  const { t } = useTranslation("process");
  if (sources.length === 0) return null;
  return (
    <Popover width={360} position="bottom-start" shadow="md" withArrow trapFocus={false} returnFocus>
      <Popover.Target>
        <Button
          variant="subtle"
          size="compact-xs"
          leftSection={<IconFileText size={14} aria-hidden />}
          aria-label={t("sources.buttonFor", { count: sources.length, subject })}
          className="sources-button"
        >
          {t("sources.count", { count: sources.length })}
        </Button>
      </Popover.Target>
      <Popover.Dropdown className="sources-popover">
        <Text size="xs" fw={600} mb={6}>
          {t("sources.for", { subject })}
        </Text>
        <Sources sources={sources} />
      </Popover.Dropdown>
    </Popover>
  );
}
