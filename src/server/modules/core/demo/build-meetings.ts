import type { MeetingKind, ProcessRole } from "../../../../contracts/enums.ts";
import { type CoreDemoBuilder, demoProcessId } from "./builder.ts";
import type { DemoMeeting } from "./data.ts";
import { demoParticipantBySlug } from "./participants.ts";

const guarantors = ["russia", "turkiye", "iran"];
const hostCandidates = ["kazakhstan", "russia", "turkiye", "iran"];

/** Who the facts of a meeting name as taking part beyond its usual members (the guarantors). */
const meetingParticipantsBeyondGuarantors: Record<string, { slug: string; role: ProcessRole }[]> = {
  "joint-group-expert-meeting-2017": [
    { slug: "un", role: "international_organization" },
    { slug: "jordan", role: "observer" },
  ],
  "fm-geneva-2018-12-18": [{ slug: "un", role: "international_organization" }],
  "fm-geneva-2019-10-29": [{ slug: "un", role: "international_organization" }],
  "fm-unga77-2022-09-21": [{ slug: "un", role: "international_organization" }],
  "quad-deputy-fm-2023-06-20": [{ slug: "syrian-government", role: "party" }],
  "congress-sochi-2018": [
    { slug: "turkiye", role: "guarantor" },
    { slug: "un", role: "international_organization" },
  ],
};

/** Russia hosted the congress; its facts name Türkiye and the UN, not Iran, so the guarantors are not assumed. */
const meetingsWithoutGuarantors = new Set(["congress-sochi-2018"]);

function meetingKind(record: DemoMeeting): MeetingKind {
  if (record.record_type === "summit") return "summit";
  if (record.record_type === "congress") return "congress";
  if (record.record_type === "technical_meeting") return "technical";
  return /quadrilateral/i.test(record.name) ? "quadrilateral" : "ministerial";
}

/** Ministerial meetings, summits, the quadrilateral consultations, the congress and the technical meeting. */
export function buildMeetings(builder: CoreDemoBuilder, records: DemoMeeting[]): void {
  for (const record of records) {
    const id = `demo-${record.id}`;
    const online = record.city === "videoconference";
    builder.rows.meetings.push({
      id,
      processId: demoProcessId,
      slug: record.id,
      kind: meetingKind(record),
      level: record.level ?? null,
      names: { en: record.name },
      city: online ? null : record.city,
      venue: online ? "videoconference" : null,
      host: record.host ?? null,
      startDate: record.start_date,
      endDate: record.end_date,
      datePrecision: "day",
      dateNote: record.date_note ?? null,
      isDemo: true,
    });
    builder.cite("meeting", id, "dates", record, record.dates_source_refs ?? []);
    builder.cite("meeting", id, online ? "venue" : "city", record, record.city_source_refs ?? []);
    builder.cite("meeting", id, "host", record, record.host_source_refs ?? []);
    const members = new Map<string, ProcessRole>();
    const host = record.host
      ? hostCandidates.find((slug) => demoParticipantBySlug(slug).pattern.test(record.host ?? ""))
      : undefined;
    if (host) members.set(host, "host");
    if (!meetingsWithoutGuarantors.has(record.id)) {
      for (const slug of guarantors) if (!members.has(slug)) members.set(slug, "guarantor");
    }
    for (const extra of meetingParticipantsBeyondGuarantors[record.id] ?? []) {
      if (!members.has(extra.slug)) members.set(extra.slug, extra.role);
    }
    for (const [slug, role] of members) {
      builder.rows.meetingParticipants.push({
        id: `${id}-participant-${slug}`,
        meetingId: id,
        participantId: builder.participantId(slug),
        role,
      });
    }
    for (const fact of record.facts) {
      builder.fact("meeting", id, "fact", fact.text, record, fact.source_refs, fact.uncertain ?? false);
    }
    for (const entry of record.conflicts_and_uncertainties ?? [])
      builder.conflict("meeting", id, entry, record);
  }
}
