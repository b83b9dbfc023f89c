// Presence: who is viewing a subject now (a draft, say), told live to the others viewing it. Any module
// opts in through its manifest's `presence` rule; the event stream (sse.ts) joins a connection to the
// subjects it asks to watch (`?watch=type:id`) and leaves them when it closes, so a viewer appears and
// disappears within a fraction of a second. Presence is held by each server instance for its own
// connections: it is how people are seen now, never stored, never replayed, never audited.
import type { Actor } from "./authz.ts";
import type { Db } from "./db.ts";

/** One person viewing: `key` tells two tabs of the same person apart from two people. */
export type PresenceViewer = { key: string; person: string; delegation: string };

/**
 * What a module's rule answers for a connection that asks to watch one of its subjects: who the viewer
 * is, and the rule it must keep passing (checked again at every broadcast, with the connection's
 * current actor) to go on hearing who else views it. Null refuses the watch without saying why.
 */
export type PresenceWatch = { viewer: PresenceViewer; mayWatch: (actor: Actor) => boolean };
export type PresenceRule = (db: Db, actor: Actor, subjectId: string) => Promise<PresenceWatch | null>;

/** The SSE event name of a presence message; its data: `{ subjectType, subjectId, viewers, more }`. */
export const presenceEventName = "presence";

/** How many viewers a message lists by name at most; the rest are counted. */
const listedViewers = 100;

type Watcher = { actor: () => Actor; watch: PresenceWatch; send: (chunk: Buffer) => void };

/** A watched subject's key: `type:id`. */
export const topicOf = (subjectType: string, subjectId: string) => `${subjectType}:${subjectId}`;

/**
 * The viewers of each watched subject on this instance. A join or a leave schedules one message per
 * subject after `delayMs`, so a burst (a page reloaded, a hundred viewers arriving) costs one message
 * to each watcher rather than one per change; a watcher no longer allowed is neither listed nor told.
 */
export class PresenceHub {
  private readonly topics = new Map<string, Set<Watcher>>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly delayMs: number;

  constructor(delayMs = 150) {
    this.delayMs = delayMs;
  }

  /** Adds a watcher to a subject; the returned function removes it (and tells the others). */
  join(topic: string, watcher: Watcher): () => void {
    const watchers = this.topics.get(topic) ?? new Set<Watcher>();
    watchers.add(watcher);
    this.topics.set(topic, watchers);
    this.schedule(topic);
    return () => {
      if (!watchers.delete(watcher)) return;
      if (watchers.size === 0) this.topics.delete(topic);
      this.schedule(topic);
    };
  }

  /** The viewers of a subject now, each person once, by delegation then name; only those still allowed. */
  viewers(topic: string): PresenceViewer[] {
    const byKey = new Map<string, PresenceViewer>();
    for (const watcher of this.topics.get(topic) ?? [])
      if (watcher.watch.mayWatch(watcher.actor())) byKey.set(watcher.watch.viewer.key, watcher.watch.viewer);
    return [...byKey.values()].sort(
      (a, b) => a.delegation.localeCompare(b.delegation) || a.person.localeCompare(b.person),
    );
  }

  /** Stops every pending message (at shutdown). */
  stop(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }

  private schedule(topic: string): void {
    if (this.pending.has(topic)) return;
    const timer = setTimeout(() => {
      this.pending.delete(topic);
      this.broadcast(topic);
    }, this.delayMs);
    timer.unref();
    this.pending.set(topic, timer);
  }

  private broadcast(topic: string): void {
    const watchers = this.topics.get(topic);
    if (!watchers) return;
    const viewers = this.viewers(topic);
    const separator = topic.indexOf(":");
    const data = {
      subjectType: topic.slice(0, separator),
      subjectId: topic.slice(separator + 1),
      viewers: viewers.slice(0, listedViewers).map(({ person, delegation }) => ({ person, delegation })),
      more: Math.max(0, viewers.length - listedViewers),
    };
    const message = Buffer.from(`event: ${presenceEventName}\ndata: ${JSON.stringify(data)}\n\n`);
    for (const watcher of watchers) if (watcher.watch.mayWatch(watcher.actor())) watcher.send(message);
  }
}

/** The subjects a stream asks to watch: `type:id` pairs separated by commas, at most five, others ignored. */
export function parseWatches(value: string | undefined): { subjectType: string; subjectId: string }[] {
  if (!value) return [];
  const watches: { subjectType: string; subjectId: string }[] = [];
  for (const part of value.split(",").slice(0, 5)) {
    const match = /^([a-z_]{1,40}):([A-Za-z0-9_-]{1,80})$/.exec(part.trim());
    if (match?.[1] && match[2]) watches.push({ subjectType: match[1], subjectId: match[2] });
  }
  return watches;
}
