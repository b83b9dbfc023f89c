import { eq } from "drizzle-orm";
import { RevokeApiTokenInput } from "../../../../contracts/accounts.ts";
import type { Db } from "../../../platform/db.ts";
import { NotFound } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { apiToken } from "../../../platform/schema.ts";
import { canSeeApiToken } from "../policies.ts";
import { presentApiToken } from "../presenters.ts";

async function loadToken(tx: Db, input: RevokeApiTokenInput) {
  const [row] = await tx.select().from(apiToken).where(eq(apiToken.id, input.tokenId)).limit(1).for("update");
  return row ?? null;
}

/**
 * core.api-token.revoke: the owner (or an administrator) revokes a token; it stops working at once.
 * Someone else's token answers 404 like a missing one. Revoking a revoked token changes nothing.
 */
export const revokeApiToken = defineOperation({
  name: "core.api-token.revoke",
  input: RevokeApiTokenInput,
  load: loadToken,
  // Any signed-in person may try; someone else's token then answers 404, so its existence is not revealed.
  authorize: (actor) => actor.kind !== "anonymous",
  scope: (input) => ({
    subjectType: "api_token",
    subjectId: input.tokenId,
    tier: "process",
    processId: null,
  }),
  run: async (ctx, input, token) => {
    if (!token || !canSeeApiToken(ctx.actor, token)) throw new NotFound("API token", input.tokenId);
    const [after] = token.revokedAt
      ? [token]
      : await ctx.tx
          .update(apiToken)
          .set({ revokedAt: new Date() })
          .where(eq(apiToken.id, token.id))
          .returning();
    if (!after) throw new NotFound("API token", input.tokenId);
    ctx.audit({ data: { accountId: after.accountId, name: after.name } });
    return presentApiToken(after);
  },
});
