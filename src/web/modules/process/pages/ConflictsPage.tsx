import { Anchor, Chip, Group, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { Page } from "../../../shell/Page.tsx";
import { Conflicts } from "../components/Conflicts.tsx";
import { Crumbs } from "../components/ProcessLinks.tsx";
import { LoadError, Loading } from "../components/QueryState.tsx";
import { useLocalName } from "../format.ts";
import { useProcess, useProcessConflicts } from "../queries.ts";
import { type ConflictKind, conflictKinds, type SubjectRef } from "../types.ts";

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

/** Every conflict of a process's record, filterable by kind, each linked to what it is about. */
export function ConflictsPage() {
  const { t } = useTranslation("process");
  const { slug = "" } = useParams();
  const localName = useLocalName();
  const process = useProcess(slug);
  const conflicts = useProcessConflicts(slug);
  const [kind, setKind] = useState<ConflictKind | "all">("all");
  const processName = process.data ? localName(process.data.names, process.data.name) : slug;
  const items = conflicts.data?.items ?? [];
  const shown = kind === "all" ? items : items.filter((item) => item.kind === kind);
  const subjectOf = new Map(items.map((item) => [item.id, item.subject]));
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
      <div role="radiogroup" aria-label={t("conflicts.filter")}>
        <Chip.Group value={kind} onChange={(value) => setKind(value as ConflictKind | "all")}>
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
      {conflicts.isPending ? (
        <Loading />
      ) : conflicts.error ? (
        <LoadError error={conflicts.error} onRetry={() => void conflicts.refetch()} />
      ) : (
        <Conflicts
          conflicts={shown}
          contextOf={(conflict) => {
            const subject = subjectOf.get(conflict.id);
            if (!subject) return null;
            const href = subjectHref(subject);
            return href ? (
              <Anchor component={Link} to={href} size="xs" lang="en">
                {subject.label}
              </Anchor>
            ) : (
              <Text size="xs" c="dimmed" lang="en">
                {subject.label}
              </Text>
            );
          }}
        />
      )}
    </Page>
  );
}
