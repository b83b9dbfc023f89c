import { Anchor, Chip, Group, SegmentedControl, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { InEnglish } from "../../../shell/LocalText.tsx";
import { Page } from "../../../shell/Page.tsx";
import { ConflictCard, useDisputedFieldLabel } from "../components/Conflicts.tsx";
import { Crumbs } from "../components/ProcessLinks.tsx";
import { LoadError, Loading } from "../components/QueryState.tsx";
import { useLocalName } from "../format.ts";
import { useProcess, useProcessConflicts, useTimeline } from "../queries.ts";
import { type ConflictKind, conflictKinds, type ProcessConflicts, type SubjectRef } from "../types.ts";
import { arrangeConflicts, type ConflictPlace, type Grouping, type Sorting } from "./conflicts-arrange.ts";

type Item = ProcessConflicts["items"][number];

/** Where a conflict's subject has a page, a link to it. */
function subjectHref(subject: SubjectRef): string | null {
  const id = encodeURIComponent(subject.subjectId);
  switch (subject.subjectType) {
    case "round":
      return `/rounds/${id}`;
    case "meeting":
      return `/meetings/${id}`;
    case "participant":
      return `/participants/${id}`;
    default:
      return null;
  }
}

const sortings: Sorting[] = ["round", "kind", "date"];
const groupings: Grouping[] = ["none", "round", "kind"];

/**
 * Every conflict of a process's record: searchable (the values, their sources, what the conflict is
 * about), filtered by kind, sorted by round, kind or date, grouped by round or kind. The state lives in
 * the address (`?q=…&kind=…&sort=…&group=…`), so a reader can link to exactly what they see.
 */
export function ConflictsPage() {
  const { t } = useTranslation("process");
  const { slug = "" } = useParams();
  const localName = useLocalName();
  const fieldLabel = useDisputedFieldLabel();
  const process = useProcess(slug);
  const conflicts = useProcessConflicts(slug);
  const timeline = useTimeline(slug);
  const [params, setParams] = useSearchParams();
  const query = params.get("q") ?? "";
  const kindParam = params.get("kind");
  const kind = (conflictKinds as readonly string[]).includes(kindParam ?? "")
    ? (kindParam as ConflictKind)
    : "all";
  const sortParam = params.get("sort") as Sorting | null;
  const sort: Sorting = sortParam && sortings.includes(sortParam) ? sortParam : "round";
  const groupParam = params.get("group") as Grouping | null;
  const group: Grouping = groupParam && groupings.includes(groupParam) ? groupParam : "none";
  const update = (key: string, value: string, fallback: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === fallback || value === "") next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  const processName = process.data ? localName(process.data.names, process.data.name) : slug;
  const items = conflicts.data?.items ?? [];
  // Where each conflict stands in the process: its round's number and the date of what it is about.
  const places = new Map<string, ConflictPlace>();
  for (const entry of [...(timeline.data?.items ?? []), ...(timeline.data?.undated ?? [])])
    places.set(entry.id, { roundNumber: entry.number, date: entry.startDate });
  for (const change of process.data?.roleChanges ?? [])
    places.set(change.id, { roundNumber: change.roundNumber, date: change.occurredOn });
  const placeOf = (item: Item): ConflictPlace =>
    places.get(item.subject.subjectId) ?? { roundNumber: null, date: null };
  const searchable = (item: Item) =>
    [
      item.text,
      item.note,
      item.field,
      fieldLabel(item.fieldKey, item.fieldIndex),
      item.subject.label,
      t(`conflicts.kinds.${item.kind}.label`),
      ...item.values.map((value) => value.value),
      ...[...item.sources, ...item.values.flatMap((value) => value.sources)].flatMap((source) => [
        source.title,
        source.publisher,
        source.url,
        source.publishedAsShown,
      ]),
    ]
      .filter(Boolean)
      .join(" ");
  const ofKind = kind === "all" ? items : items.filter((item) => item.kind === kind);
  const groups = arrangeConflicts(ofKind, { query, sort, group, placeOf, searchable });
  const shownCount = groups.reduce((sum, entry) => sum + entry.items.length, 0);
  const groupTitle = (key: string) => {
    if (group === "kind") return t(`conflicts.kinds.${key}.label`);
    if (group === "round")
      return key === "" ? t("conflictsPage.otherGroup") : t("conflictsPage.roundGroup", { number: key });
    return null;
  };
  const contextOf = (item: Item) => {
    const href = subjectHref(item.subject);
    return href ? (
      <Anchor component={Link} to={href} size="xs">
        <InEnglish text={item.subject.label} />
      </Anchor>
    ) : (
      <Text size="xs" c="dimmed">
        <InEnglish text={item.subject.label} />
      </Text>
    );
  };

  return (
    <Page title={t("conflicts.pageTitle")}>
      <Crumbs
        items={[
          { label: t("processes.title"), to: "/processes" },
          { label: processName, to: `/processes/${encodeURIComponent(slug)}` },
          { label: t("conflicts.pageTitle") },
        ]}
      />
      <Text size="sm" maw={760}>
        {t("conflicts.intro")}
      </Text>
      <TextInput
        type="search"
        label={t("conflictsPage.search")}
        description={t("conflictsPage.searchHint")}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={query}
        onChange={(event) => update("q", event.currentTarget.value, "")}
        maw={520}
        data-testid="conflicts-search"
      />
      <div role="radiogroup" aria-label={t("conflicts.filter")} className="conflict-filters">
        <Chip.Group value={kind} onChange={(value) => update("kind", value as string, "all")}>
          <Group gap={6}>
            <Chip value="all" size="sm">
              {t("conflicts.all", { count: items.length })}
            </Chip>
            {conflictKinds.map((value) => (
              <Chip key={value} value={value} size="sm">
                {t(`conflicts.kinds.${value}.label`)} ({items.filter((item) => item.kind === value).length})
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </div>
      <Group gap="lg" wrap="wrap">
        <Stack gap={2}>
          <Text size="sm" fw={600} id="conflicts-sort-label">
            {t("conflictsPage.sort")}
          </Text>
          <SegmentedControl
            aria-labelledby="conflicts-sort-label"
            value={sort}
            onChange={(value) => update("sort", value, "round")}
            data={sortings.map((value) => ({
              value,
              label: t(`conflictsPage.sort${value[0]?.toUpperCase()}${value.slice(1)}`),
            }))}
            data-testid="conflicts-sort"
          />
        </Stack>
        <Stack gap={2}>
          <Text size="sm" fw={600} id="conflicts-group-label">
            {t("conflictsPage.group")}
          </Text>
          <SegmentedControl
            aria-labelledby="conflicts-group-label"
            value={group}
            onChange={(value) => update("group", value, "none")}
            data={groupings.map((value) => ({
              value,
              label: t(`conflictsPage.group${value[0]?.toUpperCase()}${value.slice(1)}`),
            }))}
            data-testid="conflicts-group"
          />
        </Stack>
      </Group>
      <Text size="sm" role="status" data-testid="conflicts-shown">
        {t("conflictsPage.shown", { count: shownCount })}
      </Text>
      {conflicts.isPending ? (
        <Loading />
      ) : conflicts.error ? (
        <LoadError error={conflicts.error} onRetry={() => void conflicts.refetch()} />
      ) : shownCount === 0 ? (
        <Text size="sm" c="dimmed">
          {items.length === 0 ? t("conflicts.none") : t("conflictsPage.noMatch")}
        </Text>
      ) : (
        groups.map((entry) => {
          const title = groupTitle(entry.key);
          return (
            <section
              key={entry.key || "other"}
              aria-label={title ?? undefined}
              data-testid="conflict-group"
              data-group={entry.key}
            >
              {title ? (
                <Title order={2} size="h4" mb="xs">
                  {title} ({entry.items.length})
                </Title>
              ) : null}
              <Stack gap="sm">
                {entry.items.map((item) => (
                  <ConflictCard key={item.id} conflict={item} context={contextOf(item)} />
                ))}
              </Stack>
            </section>
          );
        })
      )}
    </Page>
  );
}
