import { and, eq } from "drizzle-orm";
import type { MeetingKind, ProcessRole } from "../../../../contracts/enums.ts";
import { CreateMeetingInput, RecordRef } from "../../../../contracts/process.ts";
import type { Db } from "../../../platform/db.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { meetingParticipants, meetings } from "../schema.ts";
import { bySecretariatOfProcess } from "./shared/process.ts";
import { checkDateOrder, duplicateField, findParticipantForField, invalidField, newId } from "./support.ts";

/** Replaces a meeting's participants; each is named once and must exist (422 naming the entry). */
export async function replaceMeetingParticipants(
  tx: Db,
  meetingId: string,
  entries: { participantId: string; role: ProcessRole }[],
): Promise<void> {
  const rows: (typeof meetingParticipants.$inferInsert)[] = [];
  for (const [index, entry] of entries.entries()) {
    const participant = await findParticipantForField(tx, entry.participantId, [
      "participants",
      index,
      "participantId",
    ]);
    if (rows.some((row) => row.participantId === participant.id)) {
      throw invalidField(
        ["participants", index, "participantId"],
        `${participant.names.en} is listed twice.`,
      );
    }
    rows.push({ id: newId(), meetingId, participantId: participant.id, role: entry.role });
  }
  await tx.delete(meetingParticipants).where(eq(meetingParticipants.meetingId, meetingId));
  if (rows.length > 0) await tx.insert(meetingParticipants).values(rows);
}

/**
 * core.meeting.create: the secretariat records a meeting in the format outside the numbered rounds (a
 * ministerial meeting, a summit, quadrilateral consultations, a congress) with its participants.
 * Meetings are public; a slug is used once per process (409 on slug).
 */
export const createMeeting = defineOperation({
  name: "core.meeting.create",
  input: CreateMeetingInput.extend({ processId: RecordRef }),
  ...bySecretariatOfProcess,
  scope: (_input, process) => ({ subjectType: "meeting", processId: process?.id, tier: "public" }),
  run: async (ctx, input, process) => {
    const [taken] = await ctx.tx
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.processId, process.id), eq(meetings.slug, input.slug)))
      .limit(1);
    if (taken) throw duplicateField("slug", `This process already has a meeting ${input.slug}.`);
    checkDateOrder(input.startDate, input.endDate, "endDate");
    const id = newId();
    await ctx.tx.insert(meetings).values({
      id,
      processId: process.id,
      slug: input.slug,
      kind: input.kind as MeetingKind,
      level: input.level ?? null,
      names: input.names,
      city: input.city ?? null,
      venue: input.venue ?? null,
      host: input.host ?? null,
      startDate: input.startDate ?? null,
      endDate: input.endDate ?? null,
      datePrecision: input.datePrecision ?? "day",
      dateNote: input.dateNote ?? null,
    });
    await replaceMeetingParticipants(ctx.tx, id, input.participants ?? []);
    ctx.audit({ subjectId: id, data: { slug: input.slug, kind: input.kind } });
    ctx.emit({
      type: "core.meeting.create",
      tier: "public",
      processId: process.id,
      subjectType: "meeting",
      subjectId: id,
    });
    return { id };
  },
});
