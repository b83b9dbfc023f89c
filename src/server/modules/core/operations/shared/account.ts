import type { Actor } from "../../../../platform/authz.ts";
import type { AuditDetail } from "../../../../platform/operation.ts";
import { canManageAccounts } from "../../policies.ts";

/**
 * What every administrator's operation on one account shares: only administrators may act, and the
 * audit entry names the account, outside any process (accounts are the platform's, not a process's).
 */
export const byAdministratorOnAccount = {
  authorize: (actor: Actor) => canManageAccounts(actor),
  scope: (input: { accountId: string }): AuditDetail => ({
    subjectType: "account",
    subjectId: input.accountId,
    tier: "process",
    processId: null,
  }),
};
