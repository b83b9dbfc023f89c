import { and, desc, eq, gte, ilike, inArray, isNull, like, lt, lte, or, type SQL, sql } from "drizzle-orm";
import { type AuditEntry, AuditPage, AuditQuery } from "../../contracts/audit.ts";
import { ErrorResponse } from "../../contracts/platform.ts";
import { type Actor, deny, type ProcessRole, visibleTo } from "./authz.ts";
import type { ServerDeps, ZodApp } from "./module.ts";
import { defineRead, registerRead } from "./read.ts";
import { installedModules } from "./registry.ts";
import { auditLog } from "./schema.ts";

const defaultPageSize = 50;

/**
 * Which part of the audit log an actor may read at all: administrators read the platform's own
 * records (those of no process), a host secretariat reads the records of the processes it hosts, and
 * a module's custodian role (its manifest's `auditReaders`) reads that module's entries of the
 * processes where it holds the role: the neutral intermediary of a process (the ICRC) reads the
 * process's `humanitarian.…` entries, every read of a person's record and every refusal included,
 * because it keeps the sides' lists; it reads nothing else of the log, and nobody else gains anything.
 * Every entry still passes the tier rule. Null means none of these: the caller has no audit page.
 */
export function auditScopeOf(actor: Actor): SQL | null {
  if (actor.kind === "system") return sql`true`;
  if (actor.kind !== "account") return null;
  const parts: SQL[] = [];
  if (actor.isAdmin) parts.push(isNull(auditLog.processId));
  const hosted = processesWhere(actor, ["host"]);
  if (hosted.length > 0) parts.push(inArray(auditLog.processId, hosted));
  for (const module of installedModules()) {
    const kept = processesWhere(actor, module.auditReaders ?? []);
    if (kept.length === 0) continue;
    const custody = and(
      inArray(auditLog.processId, kept),
      like(auditLog.action, `${escapeLike(module.name)}.%`),
    );
    if (custody) parts.push(custody);
  }
  return parts.length > 0 ? (or(...parts) ?? null) : null;
}

/** The processes in which the account holds any of these roles. */
function processesWhere(actor: Actor & { kind: "account" }, roles: readonly ProcessRole[]): string[] {
  if (roles.length === 0) return [];
  const processes = actor.memberships
    .filter((membership) => membership.roles.some((role) => roles.includes(role)))
    .map((membership) => membership.processId);
  return [...new Set(processes)];
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
  if (query.kind === "read") filters.push(sql`${auditLog.data}->>'read' = 'true'`);
  if (query.kind === "change") filters.push(sql`coalesce(${auditLog.data}->>'read', '') <> 'true'`);
  if (query.before) filters.push(lt(auditLog.seq, query.before));
  return filters;
}

/**
 * GET /api/audit: the audit log for the audit page of the administrators, the secretariat and a
 * module's custodian (`auditScopeOf`), newest first, a page at a time. Every entry also passes the
 * tier rule, so a secretariat never learns that a guarantors-only entry exists.
 */
export async function registerAuditRoutes(app: ZodApp, deps: ServerDeps): Promise<void> {
  registerRead(
    app,
    deps.db,
    defineRead({
      name: "platform.audit.list",
      path: "/audit",
      tags: ["audit"],
      summary:
        "Audit log entries, newest first (administrators; a process's host secretariat; its neutral intermediary)",
      description:
        "Administrators see the platform's records (of no process); a host secretariat sees those of the processes it hosts; a process's neutral intermediary sees its humanitarian entries (`humanitarian.…`: every read of a person's record, refusals included, and every change). Entries are further filtered by their confidentiality tier. `kind=read` keeps the audited reads, `kind=change` the rest. Page with `before` = the previous page's `nextBefore`.",
      query: AuditQuery,
      response: AuditPage,
      errors: { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      cache: "per-actor",
      load: async (db, actor, { query }) => {
        const scope = auditScopeOf(actor);
        if (!scope)
          deny(
            actor,
            "Only administrators, a process's host secretariat and its neutral intermediary may read the audit log.",
          );
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
