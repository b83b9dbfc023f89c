// When each API token was last used: a usage mark its owner reads on the account page, not a record
// (nothing to audit; a feed reader polling every minute would otherwise fill the audit log).
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "./db.ts";
import { apiToken } from "./schema.ts";

/**
 * Records that a token was used, to the minute: its owner sees which tokens still serve and which can
 * go. A feed reader polling every few seconds costs one write a minute, not one per poll.
 */
export async function noteTokenUse(db: Db, tokenId: string): Promise<void> {
  await db
    .update(apiToken)
    .set({ lastUsedAt: new Date() })
    .where(
      and(
        eq(apiToken.id, tokenId),
        or(isNull(apiToken.lastUsedAt), lt(apiToken.lastUsedAt, sql`now() - interval '1 minute'`)),
      ),
    );
}
