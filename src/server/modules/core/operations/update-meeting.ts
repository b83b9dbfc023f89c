import { eq } from "drizzle-orm";
import { RecordRef, UpdateMeetingInput } from "../../../../contracts/process.ts";
import type { Db } from "../../../platform/db.ts";
import { NotFound } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { isSecretariat } from "../policies.ts";
import { meetings } from "../schema.ts";
import { replaceMeetingParticipants } from "./create-meeting.ts";
import { checkDateOrder, checkVersion } from "./support.ts";

async function loadMeeting(tx: Db, meetingId: string) {
  const [row] = await tx.select().from(meetings).where(eq(meetings.id, meetingId)).limit(1).for("update");
  if (!row) throw new NotFound("Meeting", meetingId);
  return row;
}

/** core.meeting.update: the secretariat corrects a meeting (and, if given, replaces its participants), from the version it read. */
export const updateMeeting = defineOperation({
  name: "core.meeting.update",
  input: UpdateMeetingInput.extend({ meetingId: RecordRef }),
  load: (tx, input) => loadMeeting(tx, input.meetingId),
  authorize: (actor, _input, meeting) => isSecretariat(actor, meeting.processId),
  scope: (_input, meeting) => ({
    subjectType: "meeting",
    subjectId: meeting?.id,
    processId: meeting?.processId,
    tier: "public",
  }),
  run: async (ctx, input, meeting) => {
    checkVersion(`Meeting ${meeting.slug}`, input.version, meeting, {
      ...meeting,
      createdAt: undefined,
      updatedAt: undefined,
    });
    const startDate = input.startDate === undefined ? meeting.startDate : input.startDate;
    const endDate = input.endDate === undefined ? meeting.endDate : input.endDate;
    checkDateOrder(startDate, endDate, "endDate");
    const { version: _version, meetingId: _id, participants, ...fields } = input;
    const changes = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    await ctx.tx
      .update(meetings)
      .set({ ...changes, version: meeting.version + 1, updatedAt: new Date() })
      .where(eq(meetings.id, meeting.id));
    if (participants) await replaceMeetingParticipants(ctx.tx, meeting.id, participants);
    ctx.audit({ data: { fields: [...Object.keys(changes), ...(participants ? ["participants"] : [])] } });
    ctx.emit({
      type: "core.meeting.update",
      tier: "public",
      processId: meeting.processId,
      subjectType: "meeting",
      subjectId: meeting.id,
    });
    return { id: meeting.id };
  },
});
