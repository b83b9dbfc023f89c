import { eq } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { EmptyInput } from "../../../../contracts/programme.ts";
import { Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { programmePlans, programmeSessions } from "../schema.ts";
import { emitSession } from "./session-support.ts";
import { bySecretariatOfRound, requirePlan, sessionsOfRound } from "./shared.ts";

/**
 * programme.programme.publish: the secretariat publishes the reviewed programme: every session becomes
 * visible to its tier (public sessions to everyone, closed ones to their delegations), and everyone
 * viewing the round's programme sees it change. A re-run later keeps published meetings where they are.
 */
export const publishProgramme = defineOperation({
  name: "programme.programme.publish",
  input: EmptyInput.extend({ roundId: RecordRef }),
  ...bySecretariatOfRound,
  run: async (ctx, _input, target) => {
    requirePlan(target);
    const sessions = await sessionsOfRound(ctx.tx, target.roundId);
    if (sessions.length === 0)
      throw new Conflict("The programme has no session to publish.", undefined, "programme_empty");
    const now = new Date();
    await ctx.tx
      .update(programmeSessions)
      .set({ state: "published", updatedAt: now })
      .where(eq(programmeSessions.roundId, target.roundId));
    await ctx.tx
      .update(programmePlans)
      .set({ status: "published", publishedAt: now })
      .where(eq(programmePlans.roundId, target.roundId));
    for (const session of sessions.filter((s) => s.state !== "published"))
      await emitSession(ctx, target, "programme.programme.publish", { ...session, state: "published" });
    ctx.emit({
      type: "programme.programme.publish",
      tier: "public",
      processId: target.processId,
      subjectType: "programme",
      subjectId: target.roundId,
      payload: { roundId: target.roundId },
    });
    ctx.audit({ data: { sessions: sessions.length } });
    return { published: sessions.length };
  },
});
