import { eq } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { LockInput } from "../../../../contracts/programme.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { isSecretariat } from "../policies.ts";
import { programmeSessions } from "../schema.ts";
import { auditTier, emitSession, refuseWhileScheduling } from "./session-support.ts";
import { loadSession } from "./shared.ts";

/**
 * programme.session.lock: the secretariat locks a session where it is (a re-run keeps it) or unlocks it;
 * not while the scheduler runs (its schedule was built on the locks as they were).
 */
export const lockSession = defineOperation({
  name: "programme.session.lock",
  input: LockInput.extend({ sessionId: RecordRef }),
  load: (tx, input, actor) => loadSession(tx, actor, input.sessionId),
  authorize: (actor, _input, { session }) => isSecretariat(actor, session.processId),
  scope: (input, target) => ({
    subjectType: "programme_session",
    subjectId: input.sessionId,
    processId: target?.session.processId ?? null,
    tier: target ? auditTier(target.session) : "process",
  }),
  run: async (ctx, input, { session, round }) => {
    await refuseWhileScheduling(ctx.tx, ctx.actor, round.roundId);
    await ctx.tx
      .update(programmeSessions)
      .set({ locked: input.locked, updatedAt: new Date() })
      .where(eq(programmeSessions.id, session.id));
    ctx.audit({ data: { locked: input.locked } });
    await emitSession(ctx, round, "programme.session.lock", { ...session, locked: input.locked });
    return { id: session.id };
  },
});
