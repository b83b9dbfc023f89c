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

/**
 * Writes the event in the caller's transaction and queues its NOTIFY, which PostgreSQL delivers only
 * if and when the transaction commits: a rolled-back change is never announced.
 */
export async function writeEvent(tx: Db, event: EventInput): Promise<void> {
  const [row] = await tx
    .insert(outbox)
    .values({
      type: event.type,
      tier: event.tier,
      processId: event.processId ?? null,
      delegationId: event.delegationId ?? null,
      subjectType: event.subjectType ?? null,
      subjectId: event.subjectId ?? null,
      payload: event.payload ?? {},
    })
    .returning({ id: outbox.id });
  if (row) await tx.execute(sql`select pg_notify(${eventsChannel}, ${String(row.id)})`);
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
  private queue: Promise<void> = Promise.resolve();

  private readonly database: Database;
  private readonly onError: (error: unknown) => void;

  constructor(database: Database, onError: (error: unknown) => void = () => {}) {
    this.database = database;
    this.onError = onError;
  }

  /** Starts listening for NOTIFY on the events channel. */
  async start(): Promise<void> {
    if (this.unlisten) return;
    this.unlisten = await this.database.listen(eventsChannel, (payload) => {
      this.queue = this.queue.then(() => this.dispatch(payload)).catch(this.onError);
    });
  }

  /** Stops listening, forgets every subscriber and waits for the dispatch under way. */
  async stop(): Promise<void> {
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

  private async dispatch(payload: string): Promise<void> {
    const id = Number(payload);
    if (!Number.isSafeInteger(id) || this.subscribers.size === 0) return;
    const [event] = await this.database.db.select().from(outbox).where(eq(outbox.id, id)).limit(1);
    if (!event) return;
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
