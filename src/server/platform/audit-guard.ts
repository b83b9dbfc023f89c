/**
 * The trigger (created by migration 0004) that keeps the audit log append-only in the database
 * itself: UPDATE and DELETE of `audit_log` raise, whoever runs them. Someone who can disable triggers
 * can still tamper; the hash chain is what catches that. Tests that tamper disable it by this name.
 */
export const auditGuardTrigger = "audit_log_append_only";
