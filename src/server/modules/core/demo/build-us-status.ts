import type { Attendance, RoleChangeKind } from "../../../../contracts/enums.ts";
import { roundId } from "./build-rounds.ts";
import { type CoreDemoBuilder, demoProcessId } from "./builder.ts";
import type { DemoRound, DemoUsStatus } from "./data.ts";

/** How each reported US status becomes a change of standing. */
function changeOf(status: string): RoleChangeKind {
  if (/declined|would not return/.test(status)) return "boycott_declared";
  if (status.startsWith("observer")) return "granted";
  if (status.startsWith("absent")) return "absent";
  return "statement";
}

/**
 * The United States as the record reports it round by round: a role change per report (month
 * precision where only the month is known, the statement from the facts, the sources), its attendance
 * in the rounds it reports on, and, from the round where it declared its boycott (round 15), its
 * absence from every later round. The report that round 9 was the first absence stays a conflict.
 */
export function buildUsStatus(builder: CoreDemoBuilder, records: DemoUsStatus[], rounds: DemoRound[]): void {
  const usId = builder.participantId("united-states");
  let boycott: { round: number; record: DemoUsStatus } | null = null;
  for (const record of records) {
    const id = `demo-${record.id}`;
    const monthOnly = /^\d{4}-\d{2}$/.test(record.date);
    const change = changeOf(record.status);
    builder.rows.roleChanges.push({
      id,
      processId: demoProcessId,
      participantId: usId,
      role: "observer",
      change,
      occurredOn: monthOnly ? `${record.date}-01` : record.date,
      occurredPrecision: monthOnly ? "month" : "day",
      roundNumber: record.round,
      statement: record.facts.map((fact) => fact.text).join(" "),
    });
    builder.cite("role_change", id, "", record, builder.allRefs(record));
    if (record.date_source_refs)
      builder.cite("role_change", id, "occurredOn", record, record.date_source_refs);
    builder.fact(
      "role_change",
      id,
      "fact",
      `Status as reported: ${record.status}`,
      record,
      builder.allRefs(record),
    );
    for (const fact of record.facts) {
      builder.fact("role_change", id, "fact", fact.text, record, fact.source_refs, fact.uncertain ?? false);
    }
    if (record.date_note) {
      builder.fact(
        "role_change",
        id,
        "fact",
        record.date_note,
        record,
        record.date_source_refs ?? builder.allRefs(record),
        true,
      );
    }
    for (const entry of record.conflicts_and_uncertainties ?? [])
      builder.conflict("role_change", id, entry, record);

    if (record.round === null) continue;
    const round = roundId(record.round);
    const existing = builder.rows.roundParticipations.find(
      (row) => row.roundId === round && row.participantId === usId,
    );
    if (existing?.id) {
      builder.cite("round_participation", existing.id, "", record, builder.allRefs(record));
    } else {
      const participationId = addUsParticipation(builder, round, {
        attendance: /declined/.test(record.status) ? "declined" : change === "absent" ? "absent" : "attended",
        note: null,
        citedText: record.status,
      });
      builder.cite("round_participation", participationId, "", record, builder.allRefs(record));
    }
    if (change === "boycott_declared") boycott = { round: record.round, record };
  }
  if (boycott) markBoycott(builder, records, rounds, boycott);
}

/** The United States at a round, as an observer, as reported; returns the participation's id. */
function addUsParticipation(
  builder: CoreDemoBuilder,
  round: string,
  report: { attendance: Attendance; note: string | null; citedText: string | null },
): string {
  const id = `${round}-participation-united-states-observer`;
  builder.rows.roundParticipations.push({
    id,
    roundId: round,
    participantId: builder.participantId("united-states"),
    role: "observer",
    ...report,
  });
  return id;
}

/** Every round after the boycott with no report of the US: boycotted, citing the boycott's sources. */
function markBoycott(
  builder: CoreDemoBuilder,
  records: DemoUsStatus[],
  rounds: DemoRound[],
  boycott: { round: number; record: DemoUsStatus },
): void {
  const usId = builder.participantId("united-states");
  const ordinal = new RegExp(`\\b${boycott.round}th round\\b`);
  for (const round of rounds) {
    if (round.number <= boycott.round) continue;
    const id = roundId(round.number);
    if (builder.rows.roundParticipations.some((row) => row.roundId === id && row.participantId === usId))
      continue;
    const participationId = addUsParticipation(builder, id, {
      attendance: "boycotted",
      note: `Not among the participants reported for this round; the United States boycotted the format from round ${boycott.round}.`,
      citedText: null,
    });
    builder.cite("round_participation", participationId, "", boycott.record, builder.allRefs(boycott.record));
    for (const record of records) {
      for (const entry of record.conflicts_and_uncertainties ?? []) {
        for (const value of entry.values ?? []) {
          if (ordinal.test(value.value))
            builder.cite("round_participation", participationId, "", record, value.source_refs);
        }
      }
    }
  }
}
