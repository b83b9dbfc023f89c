import { Anchor, Badge, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LocalText } from "../../../shell/LocalText.tsx";
import type { SectionContexts } from "../../../shell/module.ts";
import { ConflictMark } from "../components/ConflictMark.tsx";
import { ParticipantLink, RoundStatusBadge } from "../components/ProcessLinks.tsx";
import { LoadError, Loading, NotInSources } from "../components/QueryState.tsx";
import { RecordTable } from "../components/RecordTable.tsx";
import { Section } from "../components/Section.tsx";
import { Sources, SourcesButton, uniqueSources } from "../components/Sources.tsx";
import { useDates } from "../format.ts";
import { useProcess, useProcessRounds, useSubjectRecord, useTimeline } from "../queries.ts";
import { TimelineChart } from "../timeline/TimelineChart.tsx";
import { TimelineTable } from "../timeline/TimelineTable.tsx";
import type { ProcessDetail, SubjectRecord } from "../types.ts";

// The process module's sections of the public process page. Each reads the process and its record
// through the same queries as the page (by slug), so they come from the cache.

type ProcessSection = SectionContexts["process"];

/** The lifecycle decisions (launched, concluded, resumed): date, who decided or requested it, text, sources. */
function Decisions({ process, record }: { process: ProcessDetail; record: SubjectRecord | undefined }) {
  const { t } = useTranslation("process");
  const dates = useDates();
  if (process.decisions.length === 0) return <Text c="dimmed">{t("process.noDecisions")}</Text>;
  return (
    <Stack gap="sm">
      {process.decisions.map((decision) => {
        const related = record?.related.find(
          (entry) =>
            entry.subject.subjectType === "process_decision" && entry.subject.subjectId === decision.id,
        );
        const sources = uniqueSources(
          ...Object.values(related?.citations ?? {}),
          ...(related?.facts ?? []).map((fact) => fact.sources),
        );
        return (
          <Paper
            key={decision.id}
            withBorder
            p="sm"
            radius="md"
            component="article"
            id={`decision-${decision.id}`}
            className="decision"
            data-testid="decision"
            data-kind={decision.kind}
          >
            <Group gap="xs" justify="space-between" wrap="wrap">
              <Group gap="xs">
                <Badge
                  color={decision.kind === "conclude" || decision.kind === "suspend" ? "orange" : "teal"}
                  variant="light"
                >
                  {t(`decisions.kinds.${decision.kind}`)}
                </Badge>
                <Text fw={600} size="sm">
                  <time dateTime={decision.decidedOn}>{dates.longDay(decision.decidedOn)}</time>
                </Text>
                <ConflictMark
                  marked={decision}
                  processSlug={process.slug}
                  what={`${t(`decisions.kinds.${decision.kind}`)}: ${dates.longDay(decision.decidedOn)}`}
                />
              </Group>
              <SourcesButton sources={sources} subject={t(`decisions.kinds.${decision.kind}`)} />
            </Group>
            <Text size="sm" mt={6}>
              <b>{t("decisions.by")}:</b>{" "}
              <bdi>
                <LocalText value={decision.localized?.decidedBy} fallback={decision.decidedBy} />
              </bdi>
            </Text>
            <Text size="sm" mt={4} className="decision-text">
              <LocalText value={decision.localized?.text} fallback={decision.text} />
            </Text>
            {sources.length === 0 ? (
              <Text size="xs" c="dimmed" mt={4}>
                {t("sources.none")}
              </Text>
            ) : null}
          </Paper>
        );
      })}
    </Stack>
  );
}

/** The process's rounds: number, dates, city and status, each a link to the round's page. */
function RoundsTable({ slug }: { slug: string }) {
  const { t } = useTranslation("process");
  const dates = useDates();
  const rounds = useProcessRounds(slug);
  if (rounds.isPending) return <Loading />;
  if (rounds.error) return <LoadError error={rounds.error} onRetry={() => void rounds.refetch()} />;
  if (rounds.data.items.length === 0) return <Text c="dimmed">{t("rounds.none")}</Text>;
  return (
    <RecordTable
      testId="rounds-table"
      minWidth={320}
      spacing={6}
      horizontalSpacing="xs"
      highlightOnHover
      columns={[t("rounds.number"), t("fields.dates"), t("fields.city"), t("fields.status")]}
    >
      {[...rounds.data.items]
        .sort((a, b) => a.number - b.number)
        .map((round) => (
          <Table.Tr key={round.id}>
            <Table.Td>
              <Anchor component={Link} to={`/rounds/${encodeURIComponent(round.id)}`} size="sm" fw={600}>
                {t("round.heading", { number: round.number })}
              </Anchor>
            </Table.Td>
            <Table.Td className="nowrap">
              {round.startDate ? dates.range(round.startDate, round.endDate) : <NotInSources />}{" "}
              <ConflictMark
                marked={round}
                fields={["dates"]}
                processSlug={slug}
                what={`${t("round.heading", { number: round.number })}: ${t("fields.dates")}`}
                compact
              />
            </Table.Td>
            <Table.Td>
              {round.city ?? <NotInSources />}{" "}
              <ConflictMark
                marked={round}
                fields={["city"]}
                processSlug={slug}
                what={`${t("round.heading", { number: round.number })}: ${t("fields.city")}`}
                compact
              />
            </Table.Td>
            <Table.Td>
              <RoundStatusBadge status={round.status} />
            </Table.Td>
          </Table.Tr>
        ))}
    </RecordTable>
  );
}

function Timeline({ slug }: { slug: string }) {
  const { t } = useTranslation("process");
  const timeline = useTimeline(slug);
  if (timeline.isPending) return <Loading label={t("timeline.loading")} />;
  if (timeline.error) return <LoadError error={timeline.error} onRetry={() => void timeline.refetch()} />;
  return (
    <>
      <TimelineChart timeline={timeline.data} processSlug={slug} />
      <details className="disclosure">
        <summary>{t("timeline.asTable")}</summary>
        <TimelineTable timeline={timeline.data} processSlug={slug} />
      </details>
    </>
  );
}

export function DecisionsSection({ process }: ProcessSection) {
  const { t } = useTranslation("process");
  const data = useProcess(process.slug).data;
  const record = useSubjectRecord("process", process.id);
  if (!data) return null;
  return (
    <Section id="decisions" title={t("decisions.title")}>
      <Decisions process={data} record={record.data} />
    </Section>
  );
}

export function TimelineSection({ process }: ProcessSection) {
  const { t } = useTranslation("process");
  return (
    <Section id="timeline" title={t("timeline.title")}>
      <Timeline slug={process.slug} />
    </Section>
  );
}

export function RoundsSection({ process }: ProcessSection) {
  const { t } = useTranslation("process");
  return (
    <Section id="rounds" title={t("rounds.title")}>
      <RoundsTable slug={process.slug} />
    </Section>
  );
}

/** Who joined, left or changed role, and when; only when the record has any. */
export function RoleChangesSection({ process }: ProcessSection) {
  const { t } = useTranslation("process");
  const dates = useDates();
  const data = useProcess(process.slug).data;
  if (!data || data.roleChanges.length === 0) return null;
  return (
    <Section id="role-changes" title={t("roleChanges.title")}>
      <ul className="plain-list">
        {data.roleChanges.map((change) => (
          <li key={change.id}>
            <Text size="sm">
              <b>
                {change.occurredOn
                  ? dates.range(change.occurredOn, null, change.occurredPrecision)
                  : t("record.noDate")}
              </b>
              {" · "}
              <ParticipantLink participant={change.participant} />
              {" · "}
              {t(`roleChanges.kinds.${change.change}`, { role: t(`roles.${change.role}`) })}
              {change.roundNumber ? ` · ${t("round.heading", { number: change.roundNumber })}` : null}{" "}
              <ConflictMark
                marked={change}
                processSlug={process.slug}
                what={`${change.participant.name}: ${t(`roleChanges.kinds.${change.change}`, { role: t(`roles.${change.role}`) })}`}
              />
            </Text>
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** The sources cited for the process itself. */
export function ProcessSourcesSection({ process }: ProcessSection) {
  const { t } = useTranslation("process");
  const record = useSubjectRecord("process", process.id);
  const processSources = uniqueSources(
    ...Object.values(record.data?.citations ?? {}),
    ...(record.data?.facts ?? []).map((fact) => fact.sources),
  );
  return (
    <Section id="process-sources" title={t("sources.title")}>
      {record.isPending ? (
        <Loading />
      ) : record.error ? (
        <LoadError error={record.error} />
      ) : (
        <Sources sources={processSources} />
      )}
    </Section>
  );
}
