import { and, desc, eq, gte, ilike, inArray, isNull, like, lt, lte, or, type SQL, sql } from "drizzle-orm";
import { type AuditEntry, AuditPage, AuditQuery } from "../../contracts/audit.ts";
import { ErrorResponse } from "../../contracts/platform.ts";
import { type Actor, deny, visibleTo } from "./authz.ts";
import type { ServerDeps, ZodApp } from "./module.ts";
import { defineRead, registerRead } from "./read.ts";
import { auditLog } from "./schema.ts";

const defaultPageSize = 50;

/**
 * Which part of the audit log an actor may read at all: administrators read the platform's own
 * records (those of no process), a host secretariat reads the records of the processes it hosts.
 * Null means neither: the caller has no audit page.
 */
export function auditScopeOf(actor: Actor): SQL | null {
  if (actor.kind === "system") return sql`true`;
  if (actor.kind !== "account") return null;
  const hosted = [
    ...new Set(
      actor.memberships
        .filter((membership) => membership.roles.includes("host"))
        .map((membership) => membership.processId),
    ),
  ];
  const parts: SQL[] = [];
  if (actor.isAdmin) parts.push(isNull(auditLog.processId));
  if (hosted.length > 0) parts.push(inArray(auditLog.processId, hosted));
  return parts.length > 0 ? (or(...parts) ?? null) : null;
}

/** `%`, `_` and `\` match themselves in a LIKE pattern built from user input. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** A plain day as `to` means up to the end of that day (UTC). */
function upperBound(to: string): { inclusive: boolean; at: Date } {
  if (/^\d{4}-\d{2}-\d{2}$/.test(to)) {
    const next = new Date(`${to}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    return { inclusive: false, at: next };
  }
  return { inclusive: true, at: new Date(to) };
}

function filtersOf(query: AuditQuery): SQL[] {
  const filters: SQL[] = [];
  if (query.action) filters.push(like(auditLog.action, `${escapeLike(query.action)}%`));
  if (query.actor) filters.push(ilike(auditLog.actorLabel, `%${escapeLike(query.actor)}%`));
  if (query.outcome) filters.push(eq(auditLog.outcome, query.outcome));
  if (query.subjectType) filters.push(eq(auditLog.subjectType, query.subjectType));
  if (query.subjectId) filters.push(eq(auditLog.subjectId, query.subjectId));
  if (query.processId) filters.push(eq(auditLog.processId, query.processId));
  if (query.from) filters.push(gte(auditLog.at, new Date(query.from)));
  if (query.to) {
    const bound = upperBound(query.to);
    filters.push(bound.inclusive ? lte(auditLog.at, bound.at) : lt(auditLog.at, bound.at));
  }
  if (query.before) filters.push(lt(auditLog.seq, query.before));
  return filters;
}

/**
 * GET /api/audit: the audit log for the secretariat's and the administrators' audit page, newest
 * first, a page at a time. Every entry also passes the tier rule, so a secretariat never learns that
 * a guarantors-only entry exists.
 */
export async function registerAuditRoutes(app: ZodApp, deps: ServerDeps): Promise<void> {
  registerRead(
    app,
    deps.db,
    defineRead({
      name: "platform.audit.list",
      path: "/audit",
      tags: ["audit"],
      summary: "Audit log entries, newest first (administrators; a process's host secretariat)",
      description:
        "Administrators see the platform's records (of no process); a host secretariat sees those of the processes it hosts. Entries are further filtered by their confidentiality tier. Page with `before` = the previous page's `nextBefore`.",
      query: AuditQuery,
      response: AuditPage,
      errors: { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      cache: "per-actor",
      load: async (db, actor, { query }) => {
        const scope = auditScopeOf(actor);
        if (!scope)
          deny(actor, "Only administrators and a process's host secretariat may read the audit log.");
        const limit = query.limit ?? defaultPageSize;
        const rows = await db
          .select({
            seq: auditLog.seq,
            at: auditLog.at,
            actorLabel: auditLog.actorLabel,
            action: auditLog.action,
            outcome: auditLog.outcome,
            subjectType: auditLog.subjectType,
            subjectId: auditLog.subjectId,
            processId: auditLog.processId,
            tier: auditLog.tier,
            data: auditLog.data,
          })
          .from(auditLog)
          .where(and(scope, visibleTo(actor, auditLog), ...filtersOf(query)))
          .orderBy(desc(auditLog.seq))
          .limit(limit + 1);
        const page = rows.slice(0, limit);
        const entries: AuditEntry[] = page.map((row) => ({
          ...row,
          at: row.at.toISOString(),
          outcome: row.outcome === "denied" ? "denied" : "ok",
          data: (row.data ?? {}) as Record<string, unknown>,
        }));
        const last = page.at(-1);
        return { entries, nextBefore: rows.length > limit && last ? last.seq : null };
      },
    }),
  );
}
