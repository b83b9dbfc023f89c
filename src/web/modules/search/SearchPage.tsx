import { Anchor, Badge, Button, Group, NativeSelect, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { SearchHit, SearchLanguage, SearchResults } from "../../../contracts/search.ts";
import { ApiError, api } from "../../shell/api.ts";
import { describeError } from "../../shell/errors.ts";
import { Page } from "../../shell/Page.tsx";
import { Highlighted } from "./Highlighted.tsx";
import "./search.css";

const readerLanguage = (language: string): SearchLanguage =>
  language === "ru" || language === "ar" ? language : "en";

/** A result's link: a page of the app, or the source itself on the web. */
function HitLink({ hit }: { hit: SearchHit }) {
  const title = <Highlighted passage={hit.title} />;
  if (/^https?:\/\//i.test(hit.path)) {
    return (
      <Anchor href={hit.path} target="_blank" rel="noopener noreferrer" fw={600}>
        {title}
      </Anchor>
    );
  }
  if (!hit.path.startsWith("/")) return <Text fw={600}>{title}</Text>;
  return (
    <Anchor component={Link} to={hit.path} fw={600}>
      {title}
    </Anchor>
  );
}

function Hit({ hit, lang }: { hit: SearchHit; lang: SearchLanguage }) {
  const { t } = useTranslation("search");
  const elsewhere = [hit.title, ...hit.passages].find((passage) => passage.lang !== lang);
  return (
    <li className="search-hit">
      <HitLink hit={hit} />
      {elsewhere ? (
        <Badge variant="outline" color="gray.8" size="sm" ms="xs" className="search-language">
          {t("shownIn", { language: t(`languages.${elsewhere.lang}`) })}
        </Badge>
      ) : null}
      {hit.passages.map((passage) => (
        <Text key={`${passage.field}-${passage.text.slice(0, 20)}`} size="sm" className="search-passage">
          <Highlighted passage={passage} />
        </Text>
      ))}
    </li>
  );
}

/**
 * The search results page: the query from the address (so a result list can be shared and the Back
 * button works), grouped by kind, each group with its total; every record the server let this reader see.
 */
export function SearchPage() {
  const { t, i18n } = useTranslation("search");
  const lang = readerLanguage(i18n.language);
  const [params, setParams] = useSearchParams();
  const q = params.get("q")?.trim() ?? "";
  const kind = params.get("kind") ?? "";
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  const results = useQuery({
    queryKey: ["search", q, lang, kind],
    queryFn: ({ signal }) =>
      api.get<SearchResults>("/api/search", { signal, query: { q, lang, kind: kind || undefined } }),
    enabled: q.length > 0,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (draft.trim()) next.set("q", draft.trim());
    if (kind) next.set("kind", kind);
    setParams(next);
  };
  const kinds = results.data?.kinds ?? [];

  return (
    <Page title={q ? t("titleFor", { q }) : t("title")}>
      <search className="search-form">
        <form onSubmit={submit}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t("label")}
              description={t("hint")}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={draft}
              onChange={(event) => setDraft(event.currentTarget.value)}
              maxLength={200}
              className="search-input"
              data-testid="search-page-input"
            />
            <NativeSelect
              label={t("kind")}
              value={kind}
              onChange={(event) => {
                const next = new URLSearchParams(params);
                if (event.currentTarget.value) next.set("kind", event.currentTarget.value);
                else next.delete("kind");
                setParams(next);
              }}
              data={[
                { value: "", label: t("allKinds") },
                ...kinds.map((name) => ({ value: name, label: t(`kinds.${name}`, { defaultValue: name }) })),
              ]}
            />
            <Button type="submit">{t("submit")}</Button>
          </Group>
        </form>
      </search>
      <div aria-live="polite">
        {!q ? (
          <Text c="gray.7">{t("empty")}</Text>
        ) : results.isPending ? (
          <Text>{t("searching")}</Text>
        ) : results.error ? (
          <Text c="red.9" role="alert">
            {describeError(t, results.error)}
          </Text>
        ) : results.data.total === 0 ? (
          <Text data-testid="search-none">{t("none", { q })}</Text>
        ) : (
          <Stack gap="lg" data-testid="search-results">
            <Text size="sm">{t("total", { count: results.data.total })}</Text>
            {results.data.groups.map((group) => (
              <section key={group.kind} aria-labelledby={`search-group-${group.kind}`} data-kind={group.kind}>
                <Title order={2} size="h4" id={`search-group-${group.kind}`}>
                  {t(`groups.${group.kind}`, { defaultValue: group.kind })}{" "}
                  <Text span size="sm" c="gray.7" fw={400}>
                    {group.hits.length < group.total
                      ? t("someOf", { shown: group.hits.length, count: group.total })
                      : t("count", { count: group.total })}
                  </Text>
                </Title>
                <ul className="search-hits">
                  {group.hits.map((hit) => (
                    <Hit key={`${hit.kind}:${hit.subjectId}`} hit={hit} lang={lang} />
                  ))}
                </ul>
              </section>
            ))}
          </Stack>
        )}
      </div>
    </Page>
  );
}
