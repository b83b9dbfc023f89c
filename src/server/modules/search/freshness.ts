// Keeps the search index current: every commit (this instance's, at once; another instance's, through
// its NOTIFY) marks the index of that database stale, a refresh follows in the background, and a search
// waits for the refresh that covers every commit made before it arrived, so a reader never misses a
// committed change.
import type { Db } from "../../platform/db.ts";
import { onCommitted } from "../../platform/events.ts";
import { type RefreshCounts, refreshSearchIndex } from "./index-writer.ts";

type IndexState = {
  /** Bumped by every commit; a refresh started at generation N covers every commit up to N. */
  generation: number;
  /** The generation the last finished refresh covers. */
  refreshed: number;
  running: Promise<void> | undefined;
  /** Whether this process has refreshed the index once: until someone searches, commits cost nothing. */
  used: boolean;
  onError: (error: unknown) => void;
  last: RefreshCounts | undefined;
};

const states = new WeakMap<Db, IndexState>();

function stateOf(db: Db): IndexState {
  let state = states.get(db);
  if (!state) {
    state = {
      generation: 1,
      refreshed: 0,
      running: undefined,
      used: false,
      onError: () => {},
      last: undefined,
    };
    states.set(db, state);
  }
  return state;
}

function startRefresh(db: Db, state: IndexState): Promise<void> {
  if (state.running) return state.running;
  const covers = state.generation;
  state.running = refreshSearchIndex(db)
    .then((counts) => {
      state.refreshed = Math.max(state.refreshed, covers);
      state.last = counts;
    })
    .finally(() => {
      state.running = undefined;
    });
  return state.running;
}

/**
 * Marks the index of `db` stale (a commit changed the records) and, once the index is in use, refreshes
 * it in the background so the next search finds it current. A failed refresh is reported, not thrown:
 * the next search tries again.
 */
export function markSearchIndexStale(db: Db): void {
  const state = stateOf(db);
  state.generation += 1;
  if (!state.used) return;
  // A moment's wait lets a burst of commits (and their own NOTIFY echo) share one refresh.
  setTimeout(() => {
    if (state.refreshed < state.generation) void backgroundRefresh(db, state);
  }, 25).unref();
}

async function backgroundRefresh(db: Db, state: IndexState): Promise<void> {
  try {
    while (state.refreshed < state.generation) await startRefresh(db, state);
  } catch (error) {
    state.onError(error);
  }
}

/**
 * Waits until the index covers every commit made before this call (refreshing it if needed): a
 * search run after a commit sees it.
 */
export async function ensureSearchIndexFresh(db: Db): Promise<void> {
  const state = stateOf(db);
  state.used = true;
  const wanted = state.generation;
  while (state.refreshed < wanted) await startRefresh(db, state);
}

/** Where a failed background refresh is reported (the server's log). */
export function reportSearchIndexErrors(db: Db, onError: (error: unknown) => void): void {
  stateOf(db).onError = onError;
}

/** What the last refresh of `db`'s index did, for tests and the bench. */
export function lastSearchIndexRefresh(db: Db): RefreshCounts | undefined {
  return states.get(db)?.last;
}

onCommitted((commit) => markSearchIndexStale(commit.db));
