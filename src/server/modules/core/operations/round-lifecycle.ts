// The round lifecycle: planned → announced → in session → concluded; postponed and cancelled with a reason.
import type { z } from "zod";
import { RecordRef } from "../../../../contracts/process.ts";
import { Conflict } from "../../../platform/errors.ts";
import { defineOperation, type OperationContext } from "../../../platform/operation.ts";
import { isSecretariat, roundMayMove, roundTier, roundTransitions } from "../policies.ts";
import type { RoundStatus } from "../schema.ts";
import { checkRoundVersion, loadRound, type RoundRow, type RoundTarget, touchRound } from "./support.ts";

/** A transition the rules do not allow: 409 naming the round's current status and where it may go. */
export function refuseTransition(round: RoundRow, to: RoundStatus): Conflict {
  const allowed = roundTransitions[round.status];
  const next = allowed.length > 0 ? `from there it can become ${allowed.join(" or ")}` : "that is final";
  return new Conflict(
    `Round ${round.number} is ${round.status}; it cannot become ${to} (${next}).`,
    { field: "status", currentStatus: round.status, requested: to, allowed },
    "invalid_transition",
  );
}

/**
 * Builds one round transition: loads and locks the round, checks the secretariat, the version and the
 * transition, lets `apply` add its own checks and rows, then sets the status and bumps the version.
 */
export function roundTransition<Schema extends z.ZodObject>(options: {
  name: string;
  to: RoundStatus;
  input: Schema;
  apply?: (
    ctx: OperationContext,
    input: z.infer<Schema>,
    target: RoundTarget,
  ) => Promise<Partial<RoundRow> | undefined> | Partial<RoundRow> | undefined;
}) {
  const input = options.input.extend({ roundId: RecordRef });
  return defineOperation({
    name: options.name,
    input,
    load: (tx, values, actor) => loadRound(tx, (values as { roundId: string }).roundId, actor),
    authorize: (actor, _values, target) => isSecretariat(actor, target.round.processId),
    scope: (_values, target) => ({
      subjectType: "round",
      subjectId: target?.round.id,
      processId: target?.round.processId,
      tier: target ? roundTier(target.facts) : "process",
    }),
    run: async (ctx, values, target) => {
      const { round } = target;
      checkRoundVersion(round, (values as { version?: number }).version);
      if (!roundMayMove(round.status, options.to)) throw refuseTransition(round, options.to);
      const extra = (await options.apply?.(ctx, values as z.infer<Schema>, target)) ?? {};
      const updated = await touchRound(ctx.tx, round, { statusReason: null, ...extra, status: options.to });
      const tier = roundTier({ ...target.facts, status: options.to });
      ctx.audit({ tier, data: { from: round.status, to: options.to, version: updated.version } });
      ctx.emit({
        type: options.name,
        tier,
        processId: round.processId,
        subjectType: "round",
        subjectId: round.id,
        payload: { number: round.number, from: round.status, to: options.to },
      });
      return { id: round.id, version: updated.version };
    },
  });
}
