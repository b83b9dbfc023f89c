// Rows of the process record → the API's shapes (src/contracts/process.ts). Pure: callers filter by tier first.

import type { ProcessRole } from "../../../../contracts/enums.ts";
import type {
  DelegationMember,
  Meeting,
  ParticipantRef,
  ParticipantSummary,
  RoleAssignment,
  RoleChange,
} from "../../../../contracts/process.ts";
import type { Db } from "../../../platform/db.ts";
import {
  allTextVersions,
  hasTextVersions,
  localName,
  localText,
  preloadTexts,
} from "../../../platform/text-versions.ts";
import type {
  delegationMembers,
  meetings,
  participants,
  processDecisions,
  processRoleAssignments,
  roleChanges,
  roundAnnouncements,
  rounds,
} from "../schema.ts";

type ParticipantRow = typeof participants.$inferSelect;
type RoundRow = typeof rounds.$inferSelect;

/** A participant as other records name it: id, slug, kind and names (English as `name`). */
export function participantRef(row: ParticipantRow): ParticipantRef {
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    name: row.names.en,
    names: row.names,
    localized: { name: localName(row.names) },
  };
}

/**
 * A place (a city) in the reader's language: places are translated once, as subject `place` keyed by
 * their English name, so every record naming "Astana" shows "Астана" to a Russian reader. The read
 * preloads them with `preloadPlaces`.
 */
export function localPlace(city: string | null) {
  return localText("place", city ?? "", "name", city);
}

/** Loads the translations of these places (cities) for the read being answered. */
export function preloadPlaces(db: Db, cities: (string | null | undefined)[]): Promise<void> {
  return preloadTexts(
    db,
    "place",
    cities.filter((city): city is string => Boolean(city)),
  );
}

/** A participant with what the actor may do to it; participants are public records. */
export function presentParticipant(row: ParticipantRow, can: { update: boolean }): ParticipantSummary {
  return {
    ...participantRef(row),
    shortName: row.shortName,
    existsFrom: row.existsFrom,
    aliases: row.aliases,
    isDemo: row.isDemo,
    version: row.version,
    can,
  };
}

/** A round's own fields, without what hangs on it: also the `current` of a stale-version refusal. */
export function presentRoundCore(row: RoundRow) {
  return {
    id: row.id,
    processId: row.processId,
    number: row.number,
    name: row.names.en,
    names: row.names,
    status: row.status,
    statusReason: row.statusReason,
    startDate: row.startDate,
    endDate: row.endDate,
    city: row.city,
    venue: row.venue,
    localized: {
      name: localName(row.names),
      city: localPlace(row.city),
      venue: localText("round", row.id, "venue", row.venue),
    },
    isDemo: row.isDemo,
    version: row.version,
  };
}

/** A published announcement of a round: the text, when it was published, the dates and city it announced. */
export function presentAnnouncement(row: typeof roundAnnouncements.$inferSelect) {
  return {
    id: row.id,
    publishedOn: row.publishedOn,
    text: row.text,
    announcedStart: row.announcedStart,
    announcedEnd: row.announcedEnd,
    announcedCity: row.announcedCity,
    localized: {
      text: localText("round_announcement", row.id, "text", row.text),
      announcedCity: localPlace(row.announcedCity),
    },
  };
}

/** A lifecycle decision of a process: when, by whom, from which status to which. */
export function presentDecision(row: typeof processDecisions.$inferSelect) {
  return {
    id: row.id,
    kind: row.kind,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    decidedOn: row.decidedOn,
    decidedBy: row.decidedBy,
    text: row.text,
    localized: {
      text: localText("process_decision", row.id, "text", row.text),
      decidedBy: localText("process_decision", row.id, "decidedBy", row.decidedBy),
    },
  };
}

/** What a role assignment and a role change share: the process, the participant and the role. */
function participantRole(
  row: { id: string; processId: string; role: ProcessRole },
  participant: ParticipantRow,
  processSlug: string,
) {
  return {
    id: row.id,
    processId: row.processId,
    processSlug,
    participant: participantRef(participant),
    role: row.role,
  };
}

/** A role held in a process over a span of dates. */
export function presentRoleAssignment(
  row: typeof processRoleAssignments.$inferSelect,
  participant: ParticipantRow,
  processSlug: string,
): RoleAssignment {
  return {
    ...participantRole(row, participant, processSlug),
    fromDate: row.fromDate,
    toDate: row.toDate,
    note: row.note,
  };
}

/** A change of a participant's standing, with its date, round and statement. */
export function presentRoleChange(
  row: typeof roleChanges.$inferSelect,
  participant: ParticipantRow,
  processSlug: string,
): RoleChange {
  return {
    ...participantRole(row, participant, processSlug),
    change: row.change,
    occurredOn: row.occurredOn,
    occurredPrecision: row.occurredPrecision,
    roundNumber: row.roundNumber,
    statement: row.statement,
    localized: { statement: localText("role_change", row.id, "statement", row.statement) },
  };
}

/**
 * A round's decision on the next one, in the reader's language: the wording from its versions; the city
 * from the versions the secretariat wrote, else from the place's translations (read preloads both).
 */
export function presentNextRoundDecision(
  roundId: string,
  decision: { wording: string; city: string | null; windowStart: string | null; windowEnd: string | null },
) {
  return {
    ...decision,
    localized: {
      wording: localText("round", roundId, "nextRoundWording", decision.wording),
      city: hasTextVersions("round", roundId, "nextRoundCity")
        ? localText("round", roundId, "nextRoundCity", decision.city)
        : localPlace(decision.city),
    },
    versions: {
      wording: allTextVersions("round", roundId, "nextRoundWording", decision.wording),
      city: decision.city === null ? null : allTextVersions("round", roundId, "nextRoundCity", decision.city),
    },
  };
}

/** A member of a round delegation, in their own script and in Latin letters. */
export function presentMember(row: typeof delegationMembers.$inferSelect): DelegationMember {
  return {
    id: row.id,
    position: row.position,
    nameNative: row.nameNative,
    nameLatin: row.nameLatin,
    title: row.title,
    localized: {
      name: localText("delegation_member", row.id, "name", row.nameLatin),
      title: localText("delegation_member", row.id, "title", row.title),
    },
    isHead: row.isHead,
    uncertain: row.uncertain,
  };
}

/** A meeting outside the rounds with its participants; meetings are public records. */
export function presentMeeting(
  row: typeof meetings.$inferSelect,
  processSlug: string,
  attendees: { participant: ParticipantRow; role: Meeting["participants"][number]["role"] }[],
  can: { update: boolean },
): Meeting {
  return {
    id: row.id,
    processId: row.processId,
    processSlug,
    slug: row.slug,
    kind: row.kind,
    level: row.level,
    name: row.names.en,
    names: row.names,
    city: row.city,
    venue: row.venue,
    host: row.host,
    startDate: row.startDate,
    endDate: row.endDate,
    localized: {
      name: localName(row.names),
      city: localPlace(row.city),
      venue: localText("meeting", row.id, "venue", row.venue),
    },
    datePrecision: row.datePrecision,
    dateNote: row.dateNote,
    isDemo: row.isDemo,
    version: row.version,
    participants: attendees.map((attendee) => ({
      participant: participantRef(attendee.participant),
      role: attendee.role,
    })),
    can,
  };
}

/** Sorts by English name the way a reader expects (case- and accent-insensitive). */
export function compareEnglishNames(a: { names: { en: string } }, b: { names: { en: string } }): number {
  return a.names.en.localeCompare(b.names.en, "en", { sensitivity: "base" });
}
