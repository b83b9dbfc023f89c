import type { Db } from "./db.ts";
import type { PublishedEvent } from "./events.ts";

/** A transaction this process has just committed through an operation: on which database, with which events. */
export type Commit = { db: Db; events: PublishedEvent[] };

const listeners = new Set<(commit: Commit) => void>();

/**
 * Calls `listener` after every operation this process commits, before the operation's caller gets its
 * answer, so that this instance's caches and live streams reflect the change at once (other instances
 * hear of it through NOTIFY). Returns the function that removes the listener.
 */
export function onCommitted(listener: (commit: Commit) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells every listener of a commit; a listener's failure never undoes or fails the committed operation. */
export function announceCommit(commit: Commit): void {
  for (const listener of listeners) {
    try {
      listener(commit);
    } catch {
      // a cache or a stream that fails is its own problem, not the operation's
    }
  }
}
