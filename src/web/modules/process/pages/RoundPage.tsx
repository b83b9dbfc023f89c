import { Anchor, Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconCheck, IconX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { Page } from "../../../shell/Page.tsx";
import { Conflicts } from "../components/Conflicts.tsx";
import { DemoBadge } from "../components/DemoBadge.tsx";
import { Facts, FieldItem, FieldList } from "../components/Facts.tsx";
import { Crumbs, RoundStatusBadge } from "../components/ProcessLinks.tsx";
import { LoadError, Loading, NotInSources, RecordPending } from "../components/QueryState.tsx";
import { Section } from "../components/Section.tsx";
import { Sources, SourcesButton, sourcesOfFields, uniqueSources } from "../components/Sources.tsx";
import { useDates, useJoin, useLocalName } from "../format.ts";
import { useProcess, useProcessLiveRefresh, useRound, useSubjectRecord } from "../queries.ts";
import type { AnnouncedVsHeld, RecordConflict, RoundDetail, SubjectRecord } from "../types.ts";
import { RoundParticipants } from "./RoundParticipants.tsx";

/** Every source the record of a round cites, for the round itself and for its parts. */
export function allSourcesOf(record: SubjectRecord | undefined) {
  if (!record) return [];
  const bodies = [record, ...record.related];
  return uniqueSources(
    ...bodies.flatMap((body) => [
      ...Object.values(body.citations),
      ...body.facts.map((fact) => fact.sources),
      ...body.conflicts.flatMap((conflict) => [
        conflict.sources,
        ...conflict.values.map((value) => value.sources),
      ]),
    ]),
  );
}

/** Conflicts about a record's dates ("start_date / end_date", "dates"), not about the date of something else. */
export const datesField = /^(start_?date|end_?date|dates?)\b(?! of)/i;

/** A mark beside a value that sources dispute, leading to the conflict further down the page. */
export function ConflictFlags({ conflicts }: { conflicts: RecordConflict[] }) {
  const { t } = useTranslation("process");
  if (conflicts.length === 0) return null;
  return (
    <>
      {conflicts.map((conflict) => (
        <Anchor
          key={conflict.id}
          href={`#conflict-${conflict.id}`}
          size="xs"
          c="red.8"
          className="conflict-flag"
        >
          <IconAlertTriangle size={14} aria-hidden /> {t(`conflicts.kinds.${conflict.kind}.flag`)}
        </Anchor>
      ))}
    </>
  );
}

function Match({ value, yes, no }: { value: boolean | null; yes: string; no: string }) {
  if (value === null) return null;
  return (
    <Badge
      color={value ? "teal" : "orange"}
      variant="light"
      leftSection={value ? <IconCheck size={12} aria-hidden /> : <IconX size={12} aria-hidden />}
    >
      {value ? yes : no}
    </Badge>
  );
}

/** What the previous round decided about this one, set against where and when it was held. */
function AnnouncedAgainstHeld({ comparison }: { comparison: AnnouncedVsHeld }) {
  const { t } = useTranslation("process");
  const dates = useDates();
  const join = useJoin();
  const { decision, held } = comparison;
  const window = decision.windowStart ? dates.range(decision.windowStart, decision.windowEnd) : null;
  return (
    <Paper withBorder p="sm" radius="md" data-testid="announced-vs-held">
      <Stack gap={6}>
        <Text size="sm">
          <b>{t("announced.decided", { number: comparison.decidedAtRound.number })}</b>{" "}
          <q lang="en" dir="auto">
            {decision.wording}
          </q>{" "}
          <Anchor
            component={Link}
            to={`/rounds/${encodeURIComponent(comparison.decidedAtRound.id)}`}
            size="sm"
          >
            {t("round.heading", { number: comparison.decidedAtRound.number })}
          </Anchor>
        </Text>
        <Text size="sm">
          <b>{t("announced.announced")}:</b> {join([window, decision.city]) || <NotInSources />}
        </Text>
        <Text size="sm" data-testid="held">
          <b>{t("announced.held")}:</b>{" "}
          {join([held.startDate ? dates.range(held.startDate, held.endDate) : null, held.city]) || (
            <NotInSources />
          )}
        </Text>
        <Group gap="xs">
          <Match
            value={comparison.cityMatches}
            yes={t("announced.cityMatches")}
            no={t("announced.cityDiffers")}
          />
          <Match
            value={comparison.datesWithinWindow}
            yes={t("announced.datesMatch")}
            no={t("announced.datesDiffer")}
          />
        </Group>
      </Stack>
    </Paper>
  );
}

function Announcements({ round }: { round: RoundDetail }) {
  const { t } = useTranslation("process");
  const dates = useDates();
  const join = useJoin();
  if (round.announcements.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t("announcements.none")}
      </Text>
    );
  return (
    <Stack gap="sm">
      {round.announcements.map((announcement) => (
        <Paper key={announcement.id} withBorder p="sm" radius="md" component="article">
          <Text size="sm" fw={600}>
            {t("announcements.published", { date: dates.day(announcement.publishedOn) })}
          </Text>
          <Text size="sm" lang="en" dir="auto" mt={4}>
            {announcement.text}
          </Text>
          {announcement.announcedStart || announcement.announcedCity ? (
            <Text size="xs" c="dimmed" mt={4}>
              {t("announcements.said", {
                what: join([
                  announcement.announcedStart
                    ? dates.range(announcement.announcedStart, announcement.announcedEnd)
                    : null,
                  announcement.announcedCity,
                ]),
              })}
            </Text>
          ) : null}
        </Paper>
      ))}
    </Stack>
  );
}

/**
 * A round: dates, city, venue and status with their sources; what was announced against what was held;
 * the conflicts of the record shown plainly; participants by role with their heads of delegation;
 * outcomes; announcements; and every source the record of the round cites.
 */
export function RoundPage() {
  const { t, i18n } = useTranslation("process");
  const { id = "" } = useParams();
  const dates = useDates();
  const localName = useLocalName();
  useProcessLiveRefresh();
  const round = useRound(id);
  const record = useSubjectRecord("round", id);
  const process = useProcess(round.data?.processSlug ?? "");

  if (!round.isSuccess) return <RecordPending query={round} notFoundTitle={t("round.notFoundTitle")} />;
  const data = round.data;
  const heading = t("round.heading", { number: data.number });
  const processName = process.data ? localName(process.data.names, process.data.name) : data.processSlug;
  const citations = record.data?.citations;
  const ownConflicts = record.data?.conflicts ?? [];
  const relatedConflicts = (record.data?.related ?? []).flatMap((entry) =>
    entry.conflicts.map((conflict) => ({ conflict, label: entry.subject.label })),
  );
  const conflictsOn = (test: RegExp) => ownConflicts.filter((conflict) => test.test(conflict.field ?? ""));
  const allConflicts = [...ownConflicts, ...relatedConflicts.map((entry) => entry.conflict)];
  const labelOf = new Map(relatedConflicts.map((entry) => [entry.conflict.id, entry.label]));
  const subtitle = localName(data.names, data.name);
  const outcomes = (record.data?.facts ?? []).filter((fact) => fact.kind === "outcome");
  const otherFacts = (record.data?.facts ?? []).filter((fact) => fact.kind !== "outcome");

  return (
    <Page
      title={heading}
      actions={
        <Group gap="xs">
          <RoundStatusBadge status={data.status} />
          {data.isDemo ? <DemoBadge /> : null}
        </Group>
      }
    >
      <Crumbs
        items={[
          { label: t("processes.title"), to: "/processes" },
          { label: processName, to: `/processes/${encodeURIComponent(data.processSlug)}` },
          { label: heading },
        ]}
      />
      {subtitle && subtitle !== heading ? (
        <Text
          c="dimmed"
          lang={data.names[i18n.language as keyof typeof data.names] ? undefined : "en"}
          mt={-8}
        >
          {subtitle}
        </Text>
      ) : null}

      <FieldList>
        <FieldItem label={t("fields.dates")}>
          <span data-testid="round-dates">
            {data.startDate ? dates.range(data.startDate, data.endDate) : <NotInSources />}
          </span>{" "}
          <SourcesButton sources={sourcesOfFields(citations, /date/i)} subject={t("fields.dates")} />
          <ConflictFlags conflicts={conflictsOn(datesField)} />
        </FieldItem>
        <FieldItem label={t("fields.city")}>
          <span data-testid="round-city">{data.city ?? <NotInSources />}</span>{" "}
          <SourcesButton sources={sourcesOfFields(citations, /city/i)} subject={t("fields.city")} />
          <ConflictFlags conflicts={conflictsOn(/^city\b/i)} />
        </FieldItem>
        <FieldItem label={t("fields.venue")}>
          <span data-testid="round-venue">{data.venue ?? <NotInSources />}</span>{" "}
          <SourcesButton sources={sourcesOfFields(citations, /venue/i)} subject={t("fields.venue")} />
          <ConflictFlags conflicts={conflictsOn(/^venue\b/i)} />
        </FieldItem>
        <FieldItem label={t("fields.status")}>
          <RoundStatusBadge status={data.status} />
          {data.statusReason ? (
            <Text size="sm" component="span" lang="en">
              {" "}
              {data.statusReason}
            </Text>
          ) : null}
        </FieldItem>
      </FieldList>

      {data.announcedVsHeld ? (
        <Section id="announced-vs-held" title={t("announced.title")}>
          <AnnouncedAgainstHeld comparison={data.announcedVsHeld} />
        </Section>
      ) : null}

      <Section id="conflicts" title={t("conflicts.roundTitle", { count: allConflicts.length })}>
        <Text size="sm" c="dimmed">
          {t("conflicts.intro")}
        </Text>
        {record.isPending ? (
          <Loading />
        ) : record.error ? (
          <LoadError error={record.error} onRetry={() => void record.refetch()} />
        ) : (
          <Conflicts
            conflicts={allConflicts}
            contextOf={(conflict) =>
              labelOf.has(conflict.id) ? (
                <Text size="xs" c="dimmed" lang="en">
                  {labelOf.get(conflict.id)}
                </Text>
              ) : null
            }
          />
        )}
      </Section>

      <Section id="participants" title={t("participants.byRole")}>
        <RoundParticipants round={data} record={record.data} />
      </Section>

      <Section id="outcomes" title={t("outcomes.title")}>
        {record.isPending ? (
          <Loading />
        ) : (
          <Facts facts={outcomes} subject={t("outcomes.one")} emptyText={t("outcomes.none")} />
        )}
        {otherFacts.length > 0 ? (
          <>
            <Title order={3} size="h5">
              {t("outcomes.otherFacts")}
            </Title>
            <Facts facts={otherFacts} subject={t("outcomes.fact")} />
          </>
        ) : null}
      </Section>

      {data.nextRound ? (
        <Section id="next-round" title={t("nextRound.title")}>
          <Text size="sm">
            <q lang="en" dir="auto">
              {data.nextRound.wording}
            </q>
          </Text>
        </Section>
      ) : null}

      <Section id="announcements" title={t("announcements.title")}>
        <Announcements round={data} />
      </Section>

      <Section id="sources" title={t("sources.title")}>
        {record.isPending ? <Loading /> : <Sources sources={allSourcesOf(record.data)} />}
      </Section>
    </Page>
  );
}
