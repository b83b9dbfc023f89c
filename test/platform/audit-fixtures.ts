import { z } from "zod";
import { defineOperation } from "../../src/server/platform/operation.ts";
import { tiers } from "../../src/server/platform/schema.ts";

/**
 * A stand-in for a module's operation: it records something about a subject at a chosen tier and
 * emits an event of the same tier, so the platform's audit and live-update rules can be tested
 * without depending on any module's domain.
 */
export const touchRecord = defineOperation({
  name: "test.record.touch",
  input: z.strictObject({
    processId: z.string().nullable(),
    tier: z.enum(tiers),
    subjectId: z.string().default("r1"),
    delegationId: z.string().nullable().default(null),
    eventType: z.string().default("test.record.touch"),
    note: z.string().default(""),
    fail: z.boolean().default(false),
    allowed: z.boolean().default(true),
  }),
  authorize: (_actor, input) => input.allowed,
  scope: (input) => ({
    subjectType: "record",
    subjectId: input.subjectId,
    processId: input.processId,
    delegationId: input.delegationId,
    tier: input.tier,
  }),
  run: async (ctx, input) => {
    ctx.audit({ data: { note: input.note } });
    ctx.emit({
      type: input.eventType,
      tier: input.tier,
      processId: input.processId,
      delegationId: input.delegationId,
      subjectType: "record",
      subjectId: input.subjectId,
      payload: { note: input.note },
    });
    if (input.fail) throw new Error("the operation failed after emitting its event");
    return { ok: true };
  },
});
