// Keeps the search index current: every commit (this instance's, at once; another instance's, through
// its NOTIFY) marks stale the documents of the modules whose operations committed, a refresh follows in
// the background, and a search waits for the refresh that covers every commit made before it arrived,
// so a reader never misses a committed change.
import type { Db } from "../../platform/db.ts";
import { onCommitted } from "../../platform/events.ts";
import { type RefreshCounts, refreshSearchIndex } from "./index-writer.ts";

type IndexState = {
  /** Bumped by every commit; a refresh started at generation N covers every commit up to N. */
  generation: number;
  /** The generation the last finished refresh covers. */
  refreshed: number;
  /** The modules whose documents changed since the last refresh started ("all" when unknown). */
  stale: Set<string> | "all";
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
      stale: "all",
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
  const modules = state.stale;
  state.stale = new Set();
  state.running = refreshSearchIndex(db, modules)
    .then((counts) => {
      state.refreshed = Math.max(state.refreshed, covers);
      state.last = counts;
    })
    .catch((error: unknown) => {
      // What was to be refreshed still is.
      state.stale = "all";
      throw error;
    })
    .finally(() => {
      state.running = undefined;
    });
  return state.running;
}

/**
 * The module an operation or event belongs to, by its name (`core.round.announce` → core); the
 * demonstration record spans every module.
 */
function moduleOf(name: string): string | "all" {
  if (name.startsWith("record.demo.") || !name.includes(".")) return "all";
  return name.slice(0, name.indexOf("."));
}

/**
 * Marks the index of `db` stale after a commit by the named operations or events (every module's
 * documents when none is named) and, once the index is in use, refreshes it in the background so the
 * next search finds it current. A failed refresh is reported, not thrown: the next search tries again.
 */
export function markSearchIndexStale(db: Db, names: readonly string[] = []): void {
  const state = stateOf(db);
  state.generation += 1;
  const modules = names.length === 0 ? ["all"] : names.map(moduleOf);
  if (modules.includes("all")) state.stale = "all";
  else if (state.stale !== "all") for (const module of modules) state.stale.add(module);
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

onCommitted((commit) =>
  markSearchIndexStale(
    commit.db,
    commit.events.map((event) => event.type),
  ),
);
