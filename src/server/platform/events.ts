import { eq, sql } from "drizzle-orm";
import { type Actor, canSee } from "./authz.ts";
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

type Subscriber = { actor: () => Actor; deliver: (event: PublishedEvent) => void };

/**
 * Fans committed events out to the live connections of this server instance, each one filtered by
 * the tier rule for the subscriber's actor at the moment of delivery.
 */
export class EventHub {
  private readonly subscribers = new Set<Subscriber>();
  private unlisten: (() => Promise<void>) | undefined;

  private readonly database: Database;

  constructor(database: Database) {
    this.database = database;
  }

  /** Starts listening for NOTIFY on the events channel. */
  async start(): Promise<void> {
    this.unlisten = await this.database.listen(eventsChannel, (payload) => {
      void this.dispatch(payload);
    });
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    this.unlisten = undefined;
    this.subscribers.clear();
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
    for (const subscriber of this.subscribers) {
      const scope = { tier: event.tier, processId: event.processId, delegationId: event.delegationId };
      if (canSee(subscriber.actor(), scope)) subscriber.deliver(event);
    }
  }
}
