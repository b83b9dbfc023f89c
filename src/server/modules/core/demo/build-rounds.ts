import type { Attendance, ProcessRole } from "../../../../contracts/enums.ts";
import { type CoreDemoBuilder, demoProcessId } from "./builder.ts";
import type { DemoRound } from "./data.ts";
import { parseNextRoundWording } from "./next-round-wording.ts";
import {
  candidatesByEntry,
  delegationPatterns,
  demoParticipantBySlug,
  roleOfEntry,
  statedAttendance,
} from "./participants.ts";

export function roundId(number: number): string {
  return `demo-round-${String(number).padStart(2, "0")}`;
}

const entryLabels: Record<string, string> = {
  guarantors: "guarantors",
  parties: "parties",
  observers: "observers",
  international_organizations: "international organizations",
  host: "host",
};

type Mention = { entries: string[]; texts: string[]; refs: number[]; note: string | null };

/**
 * The rounds 1–22: dates, city and venue with their sources, attendance by role mapped from the
 * free text (the wording kept as cited text), heads of delegation as accredited round delegations,
 * outcomes, conflicts and completeness, and the next-round decision read into a city and a window.
 */
export function buildRounds(builder: CoreDemoBuilder, records: DemoRound[]): void {
  const numbers = new Set(records.map((record) => record.number));
  for (const record of records) {
    const id = roundId(record.number);
    const decision = record.next_round_decision;
    const reading = decision ? parseNextRoundWording(decision.text, record.end_date) : null;
    builder.rows.rounds.push({
      id,
      processId: demoProcessId,
      number: record.number,
      names: { en: record.name, ru: `Астана-${record.number}`, ar: `أستانا ${record.number}` },
      city: record.city,
      venue: record.venue,
      startDate: record.start_date,
      endDate: record.end_date,
      status: "concluded",
      nextRoundWording: decision?.text ?? null,
      nextRoundCity: reading?.city ?? null,
      nextRoundWindowStart: reading?.window?.start ?? null,
      nextRoundWindowEnd: reading?.window?.end ?? null,
      completeness: record.completeness,
      isDemo: true,
    });
    builder.cite("round", id, "dates", record, record.dates_source_refs);
    builder.cite("round", id, "city", record, record.city_source_refs);
    builder.cite("round", id, "venue", record, record.venue_source_refs);
    builder.cite("round", id, "host", record, record.host_source_refs);
    if (decision) {
      builder.cite("round", id, "nextRoundDecision", record, decision.source_refs);
      if (reading?.window && record.end_date && numbers.has(record.number + 1)) {
        const nextId = roundId(record.number + 1);
        const announcementId = `${nextId}-announcement-from-round-${record.number}`;
        builder.rows.roundAnnouncements.push({
          id: announcementId,
          roundId: nextId,
          publishedOn: record.end_date,
          text: decision.text,
          announcedStart: reading.window.start,
          announcedEnd: reading.window.end,
          announcedCity: reading.city,
        });
        builder.cite("round_announcement", announcementId, "", record, decision.source_refs);
      }
    }
    buildParticipations(builder, record, id);
    buildHeads(builder, record, id);
    record.key_outcomes.forEach((outcome) => {
      builder.fact(
        "round",
        id,
        "outcome",
        outcome.text,
        record,
        outcome.source_refs,
        outcome.uncertain ?? false,
      );
    });
    for (const entry of record.conflicts_and_uncertainties ?? [])
      builder.conflict("round", id, entry, record);
  }
}

function buildParticipations(builder: CoreDemoBuilder, record: DemoRound, id: string): void {
  const entries: [string, { text: string; source_refs: number[] } | null | undefined][] = [
    ...Object.entries(record.participants),
    ["host", record.host ? { text: record.host, source_refs: record.host_source_refs } : null],
  ];
  const mentions = new Map<string, Mention>();
  for (const [entry, value] of entries) {
    if (!value) continue;
    for (const slug of candidatesByEntry[entry] ?? []) {
      const participant = demoParticipantBySlug(slug);
      if (!participant.pattern.test(value.text)) continue;
      const role: ProcessRole =
        entry === "host"
          ? "host"
          : participant.role === "host" || participant.kind === "organization"
            ? participant.role
            : (roleOfEntry[entry] ?? participant.role);
      const key = `${slug}|${role}`;
      const mention = mentions.get(key) ?? { entries: [], texts: [], refs: [], note: null };
      mention.entries.push(entry);
      mention.texts.push(value.text);
      mention.refs.push(...value.source_refs);
      const clause = value.text.split(";").find((part) => participant.pattern.test(part)) ?? "";
      if (/\bexpected\b/.test(clause)) mention.note = "Reported as expected to attend.";
      mentions.set(key, mention);
    }
  }
  for (const [key, mention] of mentions) {
    const [slug = "", role = "observer"] = key.split("|") as [string, ProcessRole];
    const stated = statedAttendance.find((entry) => entry.round === record.number && entry.slug === slug);
    if (stated && !mention.texts.some((text) => stated.wording.test(text))) {
      throw new Error(`round ${record.number}: the stated attendance of ${slug} no longer matches the data`);
    }
    const participationId = `${id}-participation-${slug}-${role}`;
    builder.rows.roundParticipations.push({
      id: participationId,
      roundId: id,
      participantId: builder.participantId(slug),
      role: role as ProcessRole,
      attendance: (stated?.attendance ?? "attended") as Attendance,
      note: mention.note,
      citedText:
        mention.texts.length === 1
          ? (mention.texts[0] ?? null)
          : mention.texts
              .map((text, index) => `${entryLabels[mention.entries[index] ?? ""]}: ${text}`)
              .join("\n"),
    });
    builder.cite("round_participation", participationId, "", record, mention.refs);
  }
}

function buildHeads(builder: CoreDemoBuilder, record: DemoRound, id: string): void {
  record.heads_of_delegations.forEach((head) => {
    const slug = delegationPatterns.find((candidate) => candidate.pattern.test(head.delegation))?.slug;
    if (!slug)
      throw new Error(`round ${record.number}: no participant for the delegation "${head.delegation}"`);
    const participantId = builder.participantId(slug);
    const participation = builder.rows.roundParticipations.find(
      (row) => row.roundId === id && row.participantId === participantId,
    );
    const roundDelegationId = `${id}-delegation-${slug}`;
    if (!builder.rows.roundDelegations.some((row) => row.id === roundDelegationId)) {
      builder.rows.roundDelegations.push({
        id: roundDelegationId,
        roundId: id,
        participantId,
        delegationId: builder.delegationId(slug),
        role: participation?.role ?? demoParticipantBySlug(slug).role,
        status: "accredited",
      });
    }
    const position = builder.rows.delegationMembers.filter(
      (row) => row.roundDelegationId === roundDelegationId,
    ).length;
    const memberId = `${roundDelegationId}-member-${position + 1}`;
    builder.rows.delegationMembers.push({
      id: memberId,
      roundDelegationId,
      position,
      nameNative: null,
      nameLatin: head.name,
      title: head.title_as_reported,
      isHead: true,
      uncertain: head.uncertain ?? false,
    });
    builder.cite("delegation_member", memberId, "", record, head.source_refs);
  });
}
