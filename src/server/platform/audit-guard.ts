import { sql } from "drizzle-orm";
import type { Db } from "./db.ts";

/** The trigger that keeps the audit log append-only; tests that tamper disable it by this name. */
export const auditGuardTrigger = "audit_log_append_only";

/**
 * SQL that makes the audit log append-only in the database itself: any UPDATE, DELETE or TRUNCATE of
 * `audit_log` raises, whoever runs it, so a bug or a careless script cannot rewrite history through
 * the platform's own connection. (Someone who can disable triggers can still tamper; the hash chain
 * is what catches that.) Statements are separated by drizzle's `--> statement-breakpoint`, so the
 * text can be pasted into a custom migration as is; every statement is idempotent.
 */
export const auditLogAppendOnlySql = `CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Audit entries are never changed or removed; append a new entry instead.';
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE TRIGGER ${auditGuardTrigger}
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE OR REPLACE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();`;

/** The guard's statements one by one (PGlite runs one statement per query). */
export function auditGuardStatements(): string[] {
  return auditLogAppendOnlySql
    .split("--> statement-breakpoint")
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

/** Installs (or reinstalls) the guard; harmless where a migration has already created it. */
export async function installAuditGuard(db: Db): Promise<void> {
  for (const statement of auditGuardStatements()) await db.execute(sql.raw(statement));
}
