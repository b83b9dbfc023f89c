// What the programme's reads share: the round (hidden ones answer 404), its plan and rooms, names.
import { asc, eq } from "drizzle-orm";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { findVisibleRound, participantsWithIds } from "../../core/index.ts";
import { accreditedOf } from "../operations/shared.ts";
import type { Names } from "../presenters.ts";
import { programmePlans, programmeRooms } from "../schema.ts";

/** A visible round with its plan (or the defaults of an unplanned programme), rooms and accreditations. */
export async function roundContext(db: Db, actor: Actor, roundId: string) {
  const visible = await findVisibleRound(db, actor, roundId);
  const [plan] = await db.select().from(programmePlans).where(eq(programmePlans.roundId, roundId));
  const rooms = await db
    .select()
    .from(programmeRooms)
    .where(eq(programmeRooms.roundId, roundId))
    .orderBy(asc(programmeRooms.name));
  return {
    round: visible.round,
    processId: visible.process.id,
    plan: plan ?? null,
    utcOffset: plan?.utcOffset ?? "+05:00",
    rooms,
    roomsById: new Map(rooms.map((room) => [room.id, room])),
    accredited: await accreditedOf(db, roundId),
  };
}

/** Participants' names (public records) by id. */
export async function namesOf(db: Db, ids: Iterable<string>): Promise<Names> {
  const rows = await participantsWithIds(db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, { id: row.id, name: row.names.en, names: row.names }]));
}
