import { asc, eq, inArray } from "drizzle-orm";
import type { Meeting } from "../../../../contracts/process.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { type DisputeIndex, disputedMark, disputesIn } from "../../../platform/disputes.ts";
import { NotFound } from "../../../platform/errors.ts";
import { preloadTexts } from "../../../platform/text-versions.ts";
import { isSecretariat } from "../policies.ts";
import { compareEnglishNames, preloadPlaces, presentMeeting } from "../presenters/process.ts";
import { meetingParticipants, meetings, participants, processes } from "../schema.ts";
import { findProcess } from "./common.ts";

type MeetingRow = typeof meetings.$inferSelect;

/** Meetings outside the rounds are public records; each is presented with its participants. */
async function presentMeetings(
  db: Db,
  actor: Actor,
  rows: MeetingRow[],
  processSlug: string,
): Promise<Meeting[]> {
  if (rows.length === 0) return [];
  const attendees = await db
    .select({ link: meetingParticipants, participant: participants })
    .from(meetingParticipants)
    .innerJoin(participants, eq(participants.id, meetingParticipants.participantId))
    .where(
      inArray(
        meetingParticipants.meetingId,
        rows.map((row) => row.id),
      ),
    );
  attendees.sort((a, b) => compareEnglishNames(a.participant, b.participant));
  const disputes = new Map<string, DisputeIndex>();
  for (const processId of new Set(rows.map((row) => row.processId)))
    disputes.set(processId, await disputesIn(db, actor, processId));
  await preloadTexts(
    db,
    "meeting",
    rows.map((row) => row.id),
  );
  await preloadPlaces(
    db,
    rows.map((row) => row.city),
  );
  return rows.map((row) => ({
    ...presentMeeting(
      row,
      processSlug,
      attendees
        .filter(({ link }) => link.meetingId === row.id)
        .map(({ link, participant }) => ({ participant, role: link.role })),
      { update: isSecretariat(actor, row.processId) },
    ),
    ...disputedMark(disputes.get(row.processId) as DisputeIndex, "meeting", row.id),
  }));
}

/** GET /processes/{id}/meetings: the process's meetings outside the rounds, by date. */
export async function listMeetings(db: Db, actor: Actor, processRef: string) {
  const process = await findProcess(db, processRef);
  const rows = await db
    .select()
    .from(meetings)
    .where(eq(meetings.processId, process.id))
    .orderBy(asc(meetings.startDate), asc(meetings.slug));
  return {
    processId: process.id,
    items: await presentMeetings(db, actor, rows, process.slug),
    can: { create: isSecretariat(actor, process.id) },
  };
}

/** GET /meetings/{id}: one meeting with its participants. */
export async function getMeeting(db: Db, actor: Actor, id: string): Promise<Meeting> {
  const [row] = await db
    .select({ meeting: meetings, processSlug: processes.slug })
    .from(meetings)
    .innerJoin(processes, eq(processes.id, meetings.processId))
    .where(eq(meetings.id, id))
    .limit(1);
  if (!row) throw new NotFound("Meeting", id);
  const [presented] = await presentMeetings(db, actor, [row.meeting], row.processSlug);
  if (!presented) throw new NotFound("Meeting", id);
  return presented;
}
