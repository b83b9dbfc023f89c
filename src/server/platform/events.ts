import { and, asc, eq, gt, sql } from "drizzle-orm";
import { type Actor, canSee, visibleTo } from "./authz.ts";
import type { Database, Db } from "./db.ts";
import { outbox, type Tier } from "./schema.ts";

/** The NOTIFY channel that carries outbox ids from the committing transaction to every server instance. */
export const eventsChannel = "astana_events";

/** An event as an operation emits it: a dotted type (the operation's name), its tier and a small payload. */
export type EventInput = {
  type: string;
  tier: Tier;
  processId?: string | null;
  delegationId?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
  payload?: Record<string, unknown>;
};

export type PublishedEvent = typeof outbox.$inferSelect;

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

/** A NOTIFY to send with the events, on commit only (the answer caches' "something changed"). */
export type Notice = { channel: string; payload: string };

/**
 * Writes the events in the caller's transaction and queues their NOTIFY, with any other `notices`, in
 * one statement; PostgreSQL delivers them only if and when the transaction commits: a rolled-back
 * change is never announced. One insert and one notify whatever the count: a write's viewers wait for
 * every statement before its commit.
 */
export async function writeEvents(
  tx: Db,
  events: EventInput[],
  notices: Notice[] = [],
): Promise<PublishedEvent[]> {
  const rows =
    events.length === 0
      ? []
      : await tx
          .insert(outbox)
          .values(
            events.map((event) => ({
              type: event.type,
              tier: event.tier,
              processId: event.processId ?? null,
              delegationId: event.delegationId ?? null,
              subjectType: event.subjectType ?? null,
              subjectId: event.subjectId ?? null,
              payload: event.payload ?? {},
            })),
          )
          .returning();
  if (rows.length !== events.length) throw new Error("the outbox did not return every event");
  rows.sort((left, right) => left.id - right.id);
  const all = [...rows.map((row) => ({ channel: eventsChannel, payload: String(row.id) })), ...notices];
  if (all.length > 0) {
    const calls = sql.join(
      all.map((notice) => sql`pg_notify(${notice.channel}, ${notice.payload})`),
      sql`, `,
    );
    await tx.execute(sql`select ${calls}`);
  }
  return rows;
}

/** One event, as `writeEvents` writes many. */
export async function writeEvent(tx: Db, event: EventInput): Promise<PublishedEvent> {
  const [row] = await writeEvents(tx, [event]);
  if (!row) throw new Error("the outbox returned no row");
  return row;
}

export type Subscriber = { actor: () => Actor; deliver: (event: PublishedEvent) => void };

/**
 * Fans committed events out to the live connections of this server instance, each one filtered by
 * the tier rule for the subscriber's actor at the moment of delivery. Notifications are handled one
 * after another, so subscribers receive events in the order PostgreSQL delivered them, and a failure
 * (the database closing under a late notification) is reported, never left as an unhandled rejection.
 */
export class EventHub {
  private readonly subscribers = new Set<Subscriber>();
  private unlisten: (() => Promise<void>) | undefined;
  private stopLocal: (() => void) | undefined;
  /** Ids delivered lately (by this process's own commit or by NOTIFY, whichever came first): never twice. */
  private readonly recentlyDelivered = new Set<number>();
  private queue: Promise<void> = Promise.resolve();
  /** The newest outbox id handled, so a catch-up after a reconnect neither repeats nor skips. */
  private lastId = 0;

  private readonly database: Database;
  private readonly onError: (error: unknown) => void;

  constructor(database: Database, onError: (error: unknown) => void = () => {}) {
    this.database = database;
    this.onError = onError;
  }

  /** Starts listening for NOTIFY on the events channel. */
  async start(): Promise<void> {
    if (this.unlisten) return;
    // This instance's own commits reach its viewers at once, without waiting for the NOTIFY round trip
    // and a read of the outbox; the NOTIFY still carries them to every other instance.
    this.stopLocal = onCommitted((commit) => {
      if (commit.db !== this.database.db || commit.events.length === 0) return;
      this.queue = this.queue
        .then(() => {
          for (const event of commit.events) this.deliver(event);
        })
        .catch(this.onError);
    });
    this.unlisten = await this.database.listen(
      eventsChannel,
      (payload) => {
        this.queue = this.queue.then(() => this.dispatch(Number(payload))).catch(this.onError);
      },
      () => {
        this.queue = this.queue.then(() => this.catchUp()).catch(this.onError);
      },
    );
  }

  /** Stops listening, forgets every subscriber and waits for the dispatch under way. */
  async stop(): Promise<void> {
    this.stopLocal?.();
    this.stopLocal = undefined;
    await this.unlisten?.();
    this.unlisten = undefined;
    this.subscribers.clear();
    await this.queue;
  }

  /** Registers a live connection; the returned function removes it. */
  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  get size(): number {
    return this.subscribers.size;
  }

  /** After the listening connection was lost and reopened: deliver what was committed meanwhile. */
  private async catchUp(): Promise<void> {
    if (this.lastId === 0) return;
    const missed = await this.database.db
      .select()
      .from(outbox)
      .where(gt(outbox.id, this.lastId))
      .orderBy(asc(outbox.id))
      .limit(1000);
    for (const event of missed) this.deliver(event);
  }

  private async dispatch(id: number): Promise<void> {
    // Not `id <= lastId`: ids are taken at insert, so transactions may commit out of id order.
    if (!Number.isSafeInteger(id)) return;
    if (this.recentlyDelivered.has(id)) return;
    if (this.subscribers.size === 0) {
      this.lastId = Math.max(this.lastId, id);
      return;
    }
    const [event] = await this.database.db.select().from(outbox).where(eq(outbox.id, id)).limit(1);
    if (event) this.deliver(event);
  }

  private deliver(event: PublishedEvent): void {
    if (this.recentlyDelivered.has(event.id)) return;
    this.recentlyDelivered.add(event.id);
    if (this.recentlyDelivered.size > 10_000) {
      const oldest = this.recentlyDelivered.values().next().value;
      if (oldest !== undefined) this.recentlyDelivered.delete(oldest);
    }
    this.lastId = Math.max(this.lastId, event.id);
    const scope = { tier: event.tier, processId: event.processId, delegationId: event.delegationId };
    for (const subscriber of this.subscribers) {
      try {
        if (canSee(subscriber.actor(), scope)) subscriber.deliver(event);
      } catch (error) {
        this.onError(error);
      }
    }
  }
}

/**
 * The events after `afterId` that the actor may see, oldest first, at most `limit`: what a client
 * that reconnects missed while it was away. Filtered in the database by the same tier rule.
 */
export async function eventsAfter(db: Db, actor: Actor, afterId: number, limit: number) {
  return db
    .select()
    .from(outbox)
    .where(and(gt(outbox.id, afterId), visibleTo(actor, outbox)))
    .orderBy(asc(outbox.id))
    .limit(limit);
}
