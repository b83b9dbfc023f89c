// The CLI's text output for a person at a terminal; scripts use --json, which prints the API's answer.
import type { z } from "zod";
import type {
  Meeting,
  ParticipantDetail,
  ParticipantSummary,
  ParticipantsList,
  ProcessDetail,
  ProcessSummary,
  RoundDelegation,
  RoundDetail,
  RoundSummary,
} from "../contracts/process.ts";
import type { AttendanceMatrix, ProcessConflicts, Timeline } from "../contracts/record.ts";

/** Lines, or what to say when there are none. */
export function lines(items: string[], none: string): string {
  return items.length > 0 ? items.join("\n") : none;
}

export function dates(item: { startDate: string | null; endDate: string | null }): string {
  if (!item.startDate) return "dates not set";
  return item.endDate && item.endDate !== item.startDate
    ? `${item.startDate} – ${item.endDate}`
    : item.startDate;
}

export function processLine(item: ProcessSummary): string {
  return `${item.slug.padEnd(20)}  ${item.status.padEnd(10)}  host ${item.host.name}  ${item.name}`;
}

export function processText(item: ProcessDetail): string {
  return [
    `${item.name} (${item.slug}), ${item.status}, version ${item.version}`,
    `Host: ${item.host.name}; guarantors: ${item.guarantors.map((g) => g.name).join(", ") || "none"}`,
    `Default place: ${[item.defaultVenue, item.defaultCity].filter(Boolean).join(", ") || "not set"}`,
    "Decisions:",
    ...item.decisions.map((d) => `  ${d.decidedOn}  ${d.kind.padEnd(8)}  ${d.decidedBy}`),
    "Roles today:",
    ...item.roles.map((role) => `  ${role.role.padEnd(26)}  ${role.participant.name}`),
  ].join("\n");
}

export function participantLine(item: ParticipantSummary): string {
  return `${item.slug.padEnd(28)}  ${item.kind.padEnd(12)}  ${item.name}`;
}

export function participantText(item: ParticipantDetail): string {
  return [
    `${item.name} (${item.slug}), ${item.kind}, version ${item.version}`,
    ...item.roles.map(
      (role) => `  ${role.processSlug}: ${role.role} ${role.fromDate ?? ""}–${role.toDate ?? ""}`,
    ),
    `Rounds: ${item.rounds.map((round) => `${round.roundNumber} ${round.attendance}`).join(", ") || "none"}`,
    ...item.roleChanges.map(
      (change) => `  ${change.occurredOn ?? "undated"}  ${change.change} (${change.role})`,
    ),
  ].join("\n");
}

export function roundLine(round: RoundSummary): string {
  return `${String(round.number).padStart(3)}  ${round.status.padEnd(10)}  ${dates(round).padEnd(25)}  ${round.city ?? "—"}`;
}

function byRole(participants: RoundSummary["participants"]): string[] {
  return Object.entries(participants)
    .filter(([, entries]) => entries.length > 0)
    .map(([role, entries]) => `  ${role}: ${entries.map((entry) => entry.name).join(", ")}`);
}

export function roundText(round: RoundDetail): string {
  const held = round.announcedVsHeld;
  return [
    `Round ${round.number} of ${round.processSlug}: ${round.name}, ${round.status}${round.statusReason ? ` (${round.statusReason})` : ""}, version ${round.version}`,
    `${dates(round)}, ${[round.venue, round.city].filter(Boolean).join(", ") || "place not set"}`,
    ...(held ? [`Decided at round ${held.decidedAtRound.number}: "${held.decision.wording}"`] : []),
    "Participants:",
    ...byRole(round.participants),
    ...round.announcements.map((a) => `Announced ${a.publishedOn}: ${a.text}`),
    ...round.delegations.map((delegation) => `  ${delegationLine(delegation)}`),
    ...(round.nextRound ? [`Next round: ${round.nextRound.wording}`] : []),
  ].join("\n");
}

export function delegationLine(item: RoundDelegation): string {
  const head = item.head ? `head ${item.head.nameLatin}` : "no head yet";
  const members = `${item.members.length} member${item.members.length === 1 ? "" : "s"}`;
  return `${item.participant.slug.padEnd(24)}  ${item.status.padEnd(17)}  ${item.role.padEnd(12)}  ${head}, ${members}`;
}

export function participantsListText(list: ParticipantsList): string {
  return [
    `${list.processName}, ${list.roundName}: list of participants (${list.order})`,
    ...list.entries.map(
      (entry) =>
        `${String(entry.position).padStart(3)}. ${entry.participant.name} (${entry.role})${entry.head ? ` — ${entry.head.nameLatin}` : ""}`,
    ),
  ].join("\n");
}

export function meetingLine(item: Meeting): string {
  return `${item.slug.padEnd(32)}  ${item.kind.padEnd(13)}  ${dates(item).padEnd(25)}  ${item.city ?? "—"}`;
}

export function meetingText(item: Meeting): string {
  return [
    `${item.name} (${item.slug}), ${item.kind}, version ${item.version}`,
    `${dates(item)}, ${[item.venue, item.city].filter(Boolean).join(", ") || "place not set"}`,
    ...item.participants.map((p) => `  ${p.role.padEnd(26)}  ${p.participant.name}`),
  ].join("\n");
}

export function timelineText(timeline: Timeline): string {
  return [
    ...timeline.items.map(
      (item) =>
        `${(item.startDate ?? "").padEnd(10)}  ${item.kind.padEnd(9)}  ${item.label}${item.city ? `, ${item.city}` : ""}`,
    ),
    ...timeline.gaps.map(
      (gap) => `gap: ${gap.days} days between rounds ${gap.afterNumber} and ${gap.beforeNumber}`,
    ),
    ...(timeline.undated.length > 0
      ? [`undated: ${timeline.undated.map((item) => item.label).join(", ")}`]
      : []),
  ].join("\n");
}

const attendanceMarks: Record<string, string> = {
  attended: "A",
  absent: "-",
  declined: "D",
  boycotted: "B",
  unknown: "?",
};

/** The matrix as a grid: one row per participant, one column per round (A attended, - absent, …). */
export function attendanceText(matrix: AttendanceMatrix): string {
  const width = Math.max(12, ...matrix.participants.map((p) => (p.shortName ?? p.name).length));
  const cells = new Map(matrix.cells.map((cell) => [`${cell.participantId} ${cell.roundId}`, cell]));
  const header = `${"".padEnd(width)}  ${matrix.rounds.map((round) => String(round.number).padStart(3)).join("")}`;
  const rows = matrix.participants.map((participant) => {
    const marks = matrix.rounds.map((round) => {
      const cell = cells.get(`${participant.id} ${round.id}`);
      return (cell ? (attendanceMarks[cell.attendance] ?? "?") : " ").padStart(3);
    });
    return `${(participant.shortName ?? participant.name).padEnd(width)}  ${marks.join("")}`;
  });
  return [header, ...rows, "A attended, - absent, D declined, B boycotted, ? unknown"].join("\n");
}

export function conflictsText(conflicts: z.infer<typeof ProcessConflicts>): string {
  return lines(
    conflicts.items.map((conflict) =>
      [
        `${conflict.kind}: ${conflict.subject.label}${conflict.field ? ` (${conflict.field})` : ""}: ${conflict.text}`,
        ...conflict.values.map((value) => `    ${value.value}  [${value.sources.length} sources]`),
      ].join("\n"),
    ),
    "No conflicts.",
  );
}
