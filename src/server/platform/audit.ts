import { createHash } from "node:crypto";
import { asc, desc, gt, sql } from "drizzle-orm";
import { type Actor, actorId, actorLabel } from "./authz.ts";
import type { Db } from "./db.ts";
import { auditLog, type Tier } from "./schema.ts";

/** The hash the first entry chains to. */
export const genesisHash = "0".repeat(64);

export type AuditEntryInput = {
  actorId: string | null;
  actorLabel: string;
  action: string;
  outcome: "ok" | "denied";
  subjectType?: string | null;
  subjectId?: string | null;
  processId?: string | null;
  delegationId?: string | null;
  tier: Tier;
  data?: Record<string, unknown>;
  requestId?: string | null;
};

type ChainedFields = Omit<typeof auditLog.$inferSelect, "hash">;

/** JSON with object keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, inner]) => inner !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(",")}}`;
}

/** The hash of one entry: every stored field but the hash itself, including the previous hash. */
export function hashEntry(entry: ChainedFields): string {
  return createHash("sha256").update(canonicalJson(entry)).digest("hex");
}

/**
 * Appends one entry in the caller's transaction. A transaction-scoped advisory lock serializes
 * writers, so two concurrent operations can never chain to the same predecessor.
 */
export async function appendAudit(tx: Db, input: AuditEntryInput): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(7246001)`);
  const [last] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  const entry: ChainedFields = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date(),
    actorId: input.actorId,
    actorLabel: input.actorLabel,
    action: input.action,
    outcome: input.outcome,
    subjectType: input.subjectType ?? null,
    subjectId: input.subjectId ?? null,
    processId: input.processId ?? null,
    delegationId: input.delegationId ?? null,
    tier: input.tier,
    data: input.data ?? {},
    requestId: input.requestId ?? null,
    prevHash: last?.hash ?? genesisHash,
  };
  await tx.insert(auditLog).values({ ...entry, hash: hashEntry(entry) });
  return entry.seq;
}

export type ChainReport =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAt: number; reason: string };

/**
 * Walks the whole chain in order and reports the first entry whose content, link or sequence does
 * not match: an edited, deleted or inserted row is found at the point where it happened.
 */
export async function verifyAuditChain(db: Db, pageSize = 1000): Promise<ChainReport> {
  let expectedPrev = genesisHash;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, expectedSeq - 1))
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    for (const row of page) {
      const { hash, ...fields } = row;
      if (row.seq !== expectedSeq) {
        return {
          ok: false,
          entries: count,
          brokenAt: expectedSeq,
          reason: `entry ${expectedSeq} is missing`,
        };
      }
      if (row.prevHash !== expectedPrev) {
        return {
          ok: false,
          entries: count,
          brokenAt: row.seq,
          reason: "link to the previous entry does not match",
        };
      }
      if (hashEntry(fields) !== hash) {
        return { ok: false, entries: count, brokenAt: row.seq, reason: "content does not match its hash" };
      }
      expectedPrev = hash;
      expectedSeq += 1;
      count += 1;
    }
    if (page.length < pageSize) return { ok: true, entries: count };
  }
}

/** What a read of protected records was about: the read's name, the subject, and counts (never values). */
export type ReadSubject = {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  processId?: string | null;
  delegationId?: string | null;
  tier: Tier;
  data?: Record<string, unknown>;
  requestId?: string | null;
};

/**
 * Audits a read of personal records — allowed (`ok`) or refused (`denied`) — in the audit chain, in its
 * own transaction, so who looked at whom is on the record as writes are. For records whose reading
 * itself must be accounted for (the humanitarian module's persons); reads of the public record are not.
 */
export async function auditRead(
  db: Db,
  actor: Actor,
  subject: ReadSubject,
  outcome: "ok" | "denied",
): Promise<void> {
  await db.transaction(async (tx) => {
    await appendAudit(tx as unknown as Db, {
      actorId: actorId(actor),
      actorLabel: actorLabel(actor),
      action: subject.action,
      outcome,
      subjectType: subject.subjectType,
      subjectId: subject.subjectId ?? null,
      processId: subject.processId ?? null,
      delegationId: subject.delegationId ?? null,
      tier: subject.tier,
      data: { read: true, ...subject.data },
      requestId: subject.requestId ?? null,
    });
  });
}
