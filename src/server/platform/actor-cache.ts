// Who a request's credentials name, kept for at most a second: the session and membership lookups are
// most of what a signed-in request costs before its own work, and a burst of requests from one viewer
// (a page's reads, a negotiator's edits) would repeat them for the same answer.

import { LRUCache } from "lru-cache";
import type { Actor } from "./authz.ts";

/**
 * Actors by the exact credentials sent (cookie and authorization headers). Safe under the same rules as
 * the answer cache: anything committed (a membership, an account disabled, a token revoked: all
 * operations) and any change through the authentication routes (sign-out, revoked sessions) empties it
 * at once on this instance; another instance's change is seen within `ttlMs`, as for cached answers.
 * A lookup that fails is never kept.
 */
export class ActorCache {
  private generation = 0;
  private readonly entries: LRUCache<string, { actor: Actor; generation: number }>;

  constructor(ttlMs = 1000, max = 10_000) {
    this.entries = new LRUCache({ max, ttl: ttlMs, ttlAutopurge: false });
  }

  invalidate(): void {
    this.generation += 1;
    this.entries.clear();
  }

  /** The actor for `credentials`, from a lookup at most `ttlMs` old and made after the last change. */
  async resolve(credentials: string, lookUp: () => Promise<Actor>): Promise<Actor> {
    const kept = this.entries.get(credentials);
    if (kept && kept.generation === this.generation) return kept.actor;
    const generation = this.generation;
    const actor = await lookUp();
    if (generation === this.generation) this.entries.set(credentials, { actor, generation });
    return actor;
  }
}
