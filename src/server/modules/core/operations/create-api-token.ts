import { randomUUID } from "node:crypto";
import { CreateApiTokenBody, type CreatedApiToken } from "../../../../contracts/accounts.ts";
import { generateApiToken, hashApiToken } from "../../../platform/api-tokens.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { apiToken } from "../../../platform/schema.ts";
import { canManageOwnApiTokens } from "../policies.ts";
import { presentApiToken } from "../presenters.ts";
import { invalidField } from "./support.ts";

/**
 * core.api-token.create: a person makes a personal API token for their scripts, scoped to read-only
 * access or to one of their own delegations. The token is returned this once; only its hash is kept,
 * and the audit entry names the token, never its value.
 */
export const createApiToken = defineOperation({
  name: "core.api-token.create",
  input: CreateApiTokenBody,
  authorize: (actor) => canManageOwnApiTokens(actor),
  scope: () => ({ subjectType: "api_token", tier: "process", processId: null }),
  run: async (ctx, input): Promise<CreatedApiToken> => {
    if (ctx.actor.kind !== "account") throw new Error("authorize admits accounts only");
    const delegationId = input.delegationId;
    if (delegationId !== null && !ctx.actor.memberships.some((m) => m.delegationId === delegationId)) {
      throw invalidField("delegationId", "You are not a member of this delegation.");
    }
    const token = generateApiToken();
    const [row] = await ctx.tx
      .insert(apiToken)
      .values({
        id: randomUUID(),
        accountId: ctx.actor.accountId,
        name: input.name,
        tokenHash: hashApiToken(token),
        access: input.access,
        delegationId,
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    ctx.audit({
      subjectId: row.id,
      data: { accountId: row.accountId, name: row.name, access: row.access, delegationId },
    });
    return { ...presentApiToken(row), token };
  },
});
