// The round lifecycle: planned → announced → in session → concluded; postponed and cancelled with a reason.
import type { z } from "zod";
import type { RoundStatus } from "../../../../contracts/enums.ts";
import { RecordRef } from "../../../../contracts/process.ts";
import { Conflict } from "../../../platform/errors.ts";
import { defineOperation, type OperationContext } from "../../../platform/operation.ts";
import { roundMayMove, roundTier, roundTransitions } from "../policies.ts";
import { bySecretariatOfRound, roundEvent, roundScope } from "./shared/round.ts";
import { checkRoundVersion, type RoundRow, type RoundTarget, touchRound } from "./support.ts";

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
    // The generic schema hides `roundId` from the type, though `input` above always has it.
    load: (tx, values, actor) => bySecretariatOfRound.load(tx, values as { roundId: string }, actor),
    authorize: bySecretariatOfRound.authorize,
    scope: roundScope,
    run: async (ctx, values, target) => {
      const { round } = target;
      checkRoundVersion(round, (values as { version?: number }).version);
      if (!roundMayMove(round.status, options.to)) throw refuseTransition(round, options.to);
      const extra = (await options.apply?.(ctx, values as z.infer<Schema>, target)) ?? {};
      const updated = await touchRound(ctx.tx, round, { statusReason: null, ...extra, status: options.to });
      const moved = { ...target, facts: { ...target.facts, status: options.to } };
      ctx.audit({
        tier: roundTier(moved.facts),
        data: { from: round.status, to: options.to, version: updated.version },
      });
      ctx.emit(roundEvent(options.name, moved, { number: round.number, from: round.status, to: options.to }));
      return { id: round.id, version: updated.version };
    },
  });
}
