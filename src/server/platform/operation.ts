import type { z } from "zod";
import { changesChannel } from "./answer-cache.ts";
import { appendAudit } from "./audit.ts";
import { type Actor, actorId, actorLabel } from "./authz.ts";
import type { Db } from "./db.ts";
import { BadRequest, DomainError, Forbidden, Unauthenticated } from "./errors.ts";
import {
  announceCommit,
  type EventInput,
  eventsChannel,
  type PublishedEvent,
  writeEvents,
} from "./events.ts";
import type { Tier } from "./schema.ts";

/** What an operation's body gets: the transaction, the actor, and the audit and event writers. */
export type OperationContext = {
  tx: Db;
  actor: Actor;
  requestId: string | null;
  /** Adds detail to the operation's audit entry (subject, tier, data). Called at most once usefully. */
  audit(entry: AuditDetail): void;
  /** Queues an event, written to the outbox in this transaction and published after commit. */
  emit(event: EventInput): void;
};

export type AuditDetail = {
  subjectType?: string;
  subjectId?: string;
  processId?: string | null;
  delegationId?: string | null;
  tier?: Tier;
  data?: Record<string, unknown>;
};

/** The record an operation is about, as its policy needs it: loaded inside the transaction. */
export type Operation<Schema extends z.ZodType, Result, Target = undefined> = {
  /** One name for the file, the route, the audit action, the event and the CLI: `core.round.announce`. */
  name: string;
  input: Schema;
  /** Loads what the policy needs to decide (the round, its process); runs inside the transaction. */
  load?: (tx: Db, input: z.infer<Schema>, actor: Actor) => Promise<Target>;
  /** Pure: may this actor do this to this target? Deny by default. */
  authorize: (actor: Actor, input: z.infer<Schema>, target: Target) => boolean;
  /** The audit scope when the body names none (and for denials). */
  scope?: (input: z.infer<Schema>, target: Target | undefined) => AuditDetail;
  run: (ctx: OperationContext, input: z.infer<Schema>, target: Target) => Promise<Result>;
};

/** Declares an operation; the identity function is here for type inference. */
export function defineOperation<Schema extends z.ZodType, Result, Target = undefined>(
  operation: Operation<Schema, Result, Target>,
): Operation<Schema, Result, Target> {
  return operation;
}

export type OperationDeps = { db: Db; requestId?: string | null };

/**
 * The one way state changes. In a single transaction: parse the input with the operation's contract,
 * load the target, call the policy, run the body, append the audit entry and write the events (NOTIFY
 * is delivered only on commit). Any failure rolls all of it back. A denial is audited on its own,
 * after the rollback, so refused attempts are on the record too.
 */
export async function runOperation<Schema extends z.ZodType, Result, Target>(
  deps: OperationDeps,
  operation: Operation<Schema, Result, Target>,
  actor: Actor,
  rawInput: unknown,
): Promise<Result> {
  const parsed = operation.input.safeParse(rawInput);
  if (!parsed.success) {
    throw new BadRequest(
      `Invalid input for ${operation.name}.`,
      { issues: parsed.error.issues },
      "invalid_input",
    );
  }
  const input = parsed.data as z.infer<Schema>;
  const requestId = deps.requestId ?? null;
  let target: Target | undefined;
  try {
    const written: PublishedEvent[] = [];
    const committed = await deps.db.transaction(async (tx) => {
      const db = tx as unknown as Db;
      target = operation.load ? await operation.load(db, input, actor) : (undefined as Target);
      if (!operation.authorize(actor, input, target as Target)) {
        throw actor.kind === "anonymous" ? new Unauthenticated() : new Forbidden();
      }
      let detail: AuditDetail = operation.scope?.(input, target) ?? {};
      const events: EventInput[] = [];
      const result = await operation.run(
        {
          tx: db,
          actor,
          requestId,
          audit: (entry) => {
            detail = { ...detail, ...entry, data: { ...detail.data, ...entry.data } };
          },
          emit: (event) => events.push(event),
        },
        input,
        target as Target,
      );
      await appendAudit(db, {
        actorId: actorId(actor),
        actorLabel: actorLabel(actor),
        action: operation.name,
        outcome: "ok",
        subjectType: detail.subjectType,
        subjectId: detail.subjectId,
        processId: detail.processId,
        delegationId: detail.delegationId,
        tier: detail.tier ?? "process",
        data: detail.data,
        requestId,
      });
      written.push(
        ...(await writeEvents(db, events, [{ channel: changesChannel, payload: operation.name }])),
      );
      return result;
    });
    announceCommit({ db: deps.db, events: written });
    return committed;
  } catch (error) {
    if (error instanceof Forbidden || error instanceof Unauthenticated) {
      await auditDenial(deps.db, operation, actor, input, target, requestId).catch(() => {});
    }
    if (error instanceof DomainError) throw error;
    throw translateDatabaseError(error);
  }
}

async function auditDenial<Schema extends z.ZodType, Result, Target>(
  db: Db,
  operation: Operation<Schema, Result, Target>,
  actor: Actor,
  input: z.infer<Schema>,
  target: Target | undefined,
  requestId: string | null,
) {
  const detail = safeScope(operation, input, target);
  await db.transaction(async (tx) => {
    await appendAudit(tx as unknown as Db, {
      actorId: actorId(actor),
      actorLabel: actorLabel(actor),
      action: operation.name,
      outcome: "denied",
      subjectType: detail.subjectType,
      subjectId: detail.subjectId,
      processId: detail.processId,
      delegationId: detail.delegationId,
      tier: detail.tier ?? "process",
      data: {},
      requestId,
    });
  });
}

function safeScope<Schema extends z.ZodType, Result, Target>(
  operation: Operation<Schema, Result, Target>,
  input: z.infer<Schema>,
  target: Target | undefined,
): AuditDetail {
  try {
    return operation.scope?.(input, target) ?? {};
  } catch {
    return {};
  }
}

/**
 * A constraint the database enforces (a duplicate, a missing reference) is the client's mistake, not
 * the server's: it becomes a 409 or 422 naming the constraint instead of a 500. So is any value the
 * database cannot take (class 22, data exceptions: a NUL or a bad byte sequence `22021`, a string too
 * long `22001`, a number out of range `22003`, text that is no date or number `22007`/`22P02`) and
 * any input past the engine's limits (class 54: `54000` program limit, `54001` statement too complex).
 * Used by operations and by the one error handler, so reads (which run no operation) answer the same.
 */
export function translateDatabaseError(error: unknown): unknown {
  const cause = findPgError(error);
  if (!cause) return error;
  const constraint = { constraint: cause.constraint ?? null };
  if (cause.code === "23505") {
    return new DomainError(
      "duplicate",
      409,
      "A record with the same identifying values already exists.",
      constraint,
    );
  }
  if (cause.code === "23503") {
    return new DomainError("missing_reference", 422, "A record this refers to does not exist.", constraint);
  }
  if (cause.code === "23514" || cause.code.startsWith("22")) {
    return new DomainError("invalid_value", 422, "A value is not valid for this field.", {
      ...constraint,
      sqlState: cause.code,
    });
  }
  if (cause.code.startsWith("54")) {
    return new DomainError("input_too_large", 422, "A value is too large or too complex to process.", {
      sqlState: cause.code,
    });
  }
  return error;
}

function findPgError(error: unknown): { code: string; constraint?: string } | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth += 1) {
    const candidate = current as { code?: unknown; constraint?: string; cause?: unknown };
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return { code: candidate.code, constraint: candidate.constraint };
    }
    current = candidate.cause;
  }
  return null;
}

export { eventsChannel };
