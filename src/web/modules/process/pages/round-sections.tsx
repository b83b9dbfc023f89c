import { Anchor, Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconCheck, IconX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { InEnglish, LocalText } from "../../../shell/LocalText.tsx";
import type { SectionContexts } from "../../../shell/module.ts";
import { ConflictMark } from "../components/ConflictMark.tsx";
import { Conflicts } from "../components/Conflicts.tsx";
import { Facts } from "../components/Facts.tsx";
import { LoadError, Loading, NotInSources } from "../components/QueryState.tsx";
import { Section } from "../components/Section.tsx";
import { Sources } from "../components/Sources.tsx";
import { useDates, useJoin } from "../format.ts";
import { useRound, useSubjectRecord } from "../queries.ts";
import type { AnnouncedVsHeld, RoundDetail } from "../types.ts";
import { allSourcesOf } from "./RoundPage.tsx";
import { RoundParticipants } from "./RoundParticipants.tsx";

// The process module's sections of the public round page. Each reads the round and its record through
// the same queries as the page, so they come from the cache.

type RoundSection = SectionContexts["round"];

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
function AnnouncedAgainstHeld({
  comparison,
  processSlug,
}: {
  comparison: AnnouncedVsHeld;
  processSlug: string;
}) {
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
          <q>
            <LocalText value={decision.localized.wording} />
          </q>{" "}
          <Anchor
            component={Link}
            to={`/rounds/${encodeURIComponent(comparison.decidedAtRound.id)}`}
            size="sm"
          >
            {t("round.heading", { number: comparison.decidedAtRound.number })}
          </Anchor>{" "}
          <ConflictMark marked={comparison} processSlug={processSlug} what={t("announced.title")} />
        </Text>
        <Text size="sm">
          <b>{t("announced.announced")}:</b>{" "}
          {window || decision.city ? (
            <>
              {join([window])}
              {window && decision.city ? t("separator") : null}
              <LocalText value={decision.localized.city} />
            </>
          ) : (
            <NotInSources />
          )}
        </Text>
        <Text size="sm" data-testid="held">
          <b>{t("announced.held")}:</b>{" "}
          {held.startDate || held.city ? (
            <>
              {join([held.startDate ? dates.range(held.startDate, held.endDate) : null])}
              {held.startDate && held.city ? t("separator") : null}
              <LocalText value={held.localized.city} />
            </>
          ) : (
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
          <Text size="sm" mt={4}>
            <LocalText value={announcement.localized?.text} fallback={announcement.text} />
          </Text>
          {announcement.announcedStart || announcement.announcedCity ? (
            <Text size="xs" c="dimmed" mt={4}>
              {t("announcements.said", {
                what: join([
                  announcement.announcedStart
                    ? dates.range(announcement.announcedStart, announcement.announcedEnd)
                    : null,
                  announcement.localized?.announcedCity?.text ?? announcement.announcedCity,
                ]),
              })}
            </Text>
          ) : null}
        </Paper>
      ))}
    </Stack>
  );
}

/** Rounds whose record is closed: what the record lacks about them is a gap, shown as such. */
const heldStatuses = new Set(["concluded", "in_session"]);

/**
 * What the previous round decided about this round; for a held round after the first whose previous
 * decision the record lacks, a gap shown as "not found in the sources".
 */
export function AnnouncedVsHeldSection({ round }: RoundSection) {
  const { t } = useTranslation("process");
  const data = useRound(round.id).data;
  const comparison = data?.announcedVsHeld;
  if (!data) return null;
  if (!comparison) {
    if (data.number <= 1 || !heldStatuses.has(data.status)) return null;
    return (
      <Section id="announced-vs-held" title={t("announced.title")}>
        <Text size="sm" data-testid="announced-gap">
          <b>{t("announced.decided", { number: data.number - 1 })}</b> <NotInSources />
        </Text>
      </Section>
    );
  }
  return (
    <Section id="announced-vs-held" title={t("announced.title")}>
      <AnnouncedAgainstHeld comparison={comparison} processSlug={data.processSlug} />
    </Section>
  );
}

/** The conflicts of the round's record and of its parts, each part named. */
export function ConflictsSection({ round }: RoundSection) {
  const { t } = useTranslation("process");
  const record = useSubjectRecord("round", round.id);
  const ownConflicts = record.data?.conflicts ?? [];
  const relatedConflicts = (record.data?.related ?? []).flatMap((entry) =>
    entry.conflicts.map((conflict) => ({ conflict, label: entry.subject.label })),
  );
  const allConflicts = [...ownConflicts, ...relatedConflicts.map((entry) => entry.conflict)];
  const labelOf = new Map(relatedConflicts.map((entry) => [entry.conflict.id, entry.label]));
  return (
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
              <Text size="xs" c="dimmed">
                <InEnglish text={labelOf.get(conflict.id)} />
              </Text>
            ) : null
          }
        />
      )}
    </Section>
  );
}

/** Participants by role, with their heads of delegation. */
export function ParticipantsSection({ round }: RoundSection) {
  const { t } = useTranslation("process");
  const data = useRound(round.id).data;
  const record = useSubjectRecord("round", round.id);
  if (!data) return null;
  return (
    <Section id="participants" title={t("participants.byRole")}>
      <RoundParticipants round={data} record={record.data} />
    </Section>
  );
}

/** The round's outcomes, then any other fact of its record. */
export function OutcomesSection({ round }: RoundSection) {
  const { t } = useTranslation("process");
  const record = useSubjectRecord("round", round.id);
  const processSlug = useRound(round.id).data?.processSlug;
  const outcomes = (record.data?.facts ?? []).filter((fact) => fact.kind === "outcome");
  const otherFacts = (record.data?.facts ?? []).filter((fact) => fact.kind !== "outcome");
  return (
    <Section id="outcomes" title={t("outcomes.title")}>
      {record.isPending ? (
        <Loading />
      ) : (
        <Facts
          facts={outcomes}
          subject={t("outcomes.one")}
          emptyText={
            round.status === "concluded"
              ? `${t("outcomes.title")}: ${t("record.notFound")}`
              : t("outcomes.none")
          }
          processSlug={processSlug}
        />
      )}
      {otherFacts.length > 0 ? (
        <>
          <Title order={3} size="h5">
            {t("outcomes.otherFacts")}
          </Title>
          <Facts facts={otherFacts} subject={t("outcomes.fact")} processSlug={processSlug} />
        </>
      ) : null}
    </Section>
  );
}

/**
 * What this round decided about the next, marked where the record disputes it; for a concluded round
 * whose decision the record lacks (round 22), a gap shown as "not found in the sources", never omitted.
 */
export function NextRoundSection({ round }: RoundSection) {
  const { t } = useTranslation("process");
  const data = useRound(round.id).data;
  if (!data) return null;
  const nextRound = data.nextRound;
  if (!nextRound && data.status !== "concluded") return null;
  return (
    <Section id="next-round" title={t("nextRound.title")}>
      <Text size="sm" data-testid="next-round">
        {nextRound ? (
          <>
            <q>
              <LocalText value={nextRound.localized.wording} />
            </q>
            {nextRound.city ? (
              <>
                {" "}
                (<LocalText value={nextRound.localized.city} />)
              </>
            ) : null}{" "}
            <ConflictMark marked={nextRound} processSlug={data.processSlug} what={t("nextRound.title")} />
          </>
        ) : (
          <NotInSources />
        )}
      </Text>
    </Section>
  );
}

export function AnnouncementsSection({ round }: RoundSection) {
  const { t } = useTranslation("process");
  const data = useRound(round.id).data;
  if (!data) return null;
  return (
    <Section id="announcements" title={t("announcements.title")}>
      <Announcements round={data} />
    </Section>
  );
}

/** Every source the record of the round cites. */
export function SourcesSection({ round }: RoundSection) {
  const { t } = useTranslation("process");
  const record = useSubjectRecord("round", round.id);
  return (
    <Section id="sources" title={t("sources.title")}>
      {record.isPending ? <Loading /> : <Sources sources={allSourcesOf(record.data)} citable />}
    </Section>
  );
}
