import type { ProcessRole } from "../../../../contracts/enums.ts";
import { roundId } from "./build-rounds.ts";
import { type CoreDemoBuilder, demoProcessId, type SourcedRecord } from "./builder.ts";
import type { DemoMilestone, DemoRecordEntry, DemoRound } from "./data.ts";
import { demoParticipants } from "./participants.ts";

function recordById(records: DemoRecordEntry[], id: string): DemoRecordEntry {
  const found = records.find((record) => record.id === id);
  if (!found) throw new Error(`the demonstration record has no entry ${id}`);
  return found;
}

function milestoneById(records: DemoRecordEntry[], id: string): DemoMilestone {
  const found = recordById(records, id);
  if (found.record_type !== "milestone") throw new Error(`${id} is not a milestone`);
  return found;
}

function firstFact(record: DemoRecordEntry): { text: string; source_refs: number[] } {
  const fact = "facts" in record ? record.facts[0] : undefined;
  if (!fact) throw new Error(`${record.id} has no facts`);
  return fact;
}

/**
 * The process itself: its participants (reusing any already in the database), its host and
 * guarantors, the standing delegations, and the decisions of its lifecycle — launched in January
 * 2017, concluded by Kazakhstan after round 20, resumed for round 21 at the guarantors' request.
 */
export function buildProcess(builder: CoreDemoBuilder, records: DemoRecordEntry[]): void {
  for (const participant of demoParticipants) {
    if (!builder.existing.participantIdBySlug.has(participant.slug)) {
      builder.rows.participants.push({
        id: builder.participantId(participant.slug),
        slug: participant.slug,
        kind: participant.kind,
        names: participant.names,
        shortName: participant.shortName,
        aliases: participant.aliases,
        isDemo: true,
      });
    }
    builder.rows.delegations.push({
      id: builder.delegationId(participant.slug),
      processId: demoProcessId,
      participantId: builder.participantId(participant.slug),
    });
  }
  const firstRound = recordById(records, "round-01") as DemoRound;
  builder.rows.processes.push({
    id: demoProcessId,
    slug: "astana",
    names: {
      en: "International Meetings on Syria in the Astana format",
      ru: "Международные встречи по Сирии в астанинском формате",
      ar: "الاجتماعات الدولية بشأن سوريا بصيغة أستانا",
    },
    hostParticipantId: builder.participantId("kazakhstan"),
    status: "active",
    defaultCity: "Astana",
    defaultVenue: null,
    timezone: "Asia/Almaty",
    launchedOn: firstRound.start_date,
    isDemo: true,
  });
  buildDecisions(builder, records, firstRound);
}

function buildDecisions(builder: CoreDemoBuilder, records: DemoRecordEntry[], firstRound: DemoRound): void {
  const naming = recordById(records, "naming");
  const conclusion = milestoneById(records, "milestone-conclusion-2023");
  const resumption = milestoneById(records, "milestone-resumption-2024");
  const round21 = recordById(records, "round-21") as DemoRound;
  const decisions: {
    kind: "launch" | "conclude" | "resume";
    from: "active" | "concluded" | null;
    to: "active" | "concluded";
    on: string | null;
    by: string;
    text: string;
    cites: [SourcedRecord, number[]][];
  }[] = [
    {
      kind: "launch",
      from: null,
      to: "active",
      on: firstRound.start_date,
      by: "Russia, Türkiye and Iran, with Kazakhstan as host",
      text: `${firstFact(naming).text}. The first meeting opened in ${firstRound.city} on ${firstRound.start_date}.`,
      cites: [
        [naming, firstFact(naming).source_refs],
        [firstRound, firstRound.dates_source_refs],
      ],
    },
    {
      kind: "conclude",
      from: "active",
      to: "concluded",
      on: conclusion.date,
      by: "Kazakhstan (host), by declaration",
      text: firstFact(conclusion).text,
      cites: [[conclusion, firstFact(conclusion).source_refs]],
    },
    {
      kind: "resume",
      from: "concluded",
      to: "active",
      on: resumption.date,
      by: "Collective request of the guarantors (Russia, Türkiye, Iran)",
      text: `${firstFact(resumption).text}. Host's account: ${round21.host ?? ""}`,
      cites: [
        [resumption, firstFact(resumption).source_refs],
        [round21, round21.host_source_refs],
      ],
    },
  ];
  for (const decision of decisions) {
    if (!decision.on) throw new Error(`the ${decision.kind} decision has no date in the data`);
    const id = `${demoProcessId}-decision-${decision.kind}`;
    builder.rows.processDecisions.push({
      id,
      processId: demoProcessId,
      kind: decision.kind,
      fromStatus: decision.from,
      toStatus: decision.to,
      decidedOn: decision.on,
      decidedBy: decision.by,
      text: decision.text,
    });
    for (const [record, refs] of decision.cites) builder.cite("process_decision", id, "", record, refs);
  }
  const announcementId = `${roundId(21)}-announcement-resumption`;
  builder.rows.roundAnnouncements.push({
    id: announcementId,
    roundId: roundId(21),
    publishedOn: resumption.date,
    text: firstFact(resumption).text,
    announcedStart: round21.start_date,
    announcedEnd: round21.end_date,
    announcedCity: null,
  });
  builder.cite("round_announcement", announcementId, "", resumption, firstFact(resumption).source_refs);
}

/**
 * Each participant's standing role in the process, from the first round it attended; the United
 * States' observer role ends where it declared its boycott. The ICRC is also the neutral intermediary.
 */
export function buildRoleAssignments(builder: CoreDemoBuilder, rounds: DemoRound[]): void {
  const startOf = new Map(rounds.map((round) => [roundId(round.number), round.start_date]));
  const launchedOn = builder.rows.processes[0]?.launchedOn ?? null;
  for (const participant of demoParticipants) {
    const participantId = builder.participantId(participant.slug);
    const attended = builder.rows.roundParticipations
      .filter((row) => row.participantId === participantId && (row.attendance ?? "attended") === "attended")
      .map((row) => startOf.get(row.roundId) ?? null)
      .filter((date): date is string => date !== null)
      .sort();
    const boycott = builder.rows.roleChanges.find(
      (change) => change.participantId === participantId && change.change === "boycott_declared",
    );
    const boycottStart = boycott?.roundNumber ? (startOf.get(roundId(boycott.roundNumber)) ?? null) : null;
    const assignments: { role: ProcessRole; from: string | null; to: string | null; note: string | null }[] =
      [
        {
          role: participant.role,
          from:
            participant.role === "host" || participant.role === "guarantor"
              ? launchedOn
              : (attended[0] ?? null),
          to: boycottStart,
          note: boycott
            ? `Boycott declared from round ${boycott.roundNumber}; see its role changes and conflicts.`
            : null,
        },
      ];
    if (participant.intermediary) {
      assignments.push({
        role: "intermediary",
        from: null,
        to: null,
        note: "Neutral intermediary of the working group's exchanges (invited ad hoc).",
      });
    }
    for (const assignment of assignments) {
      builder.rows.processRoleAssignments.push({
        id: `${demoProcessId}-role-${participant.slug}-${assignment.role}`,
        processId: demoProcessId,
        participantId,
        role: assignment.role,
        fromDate: assignment.from,
        toDate: assignment.to,
        note: assignment.note,
      });
    }
  }
}
