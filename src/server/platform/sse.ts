import type { FastifyRequest } from "fastify";
import { LiveEventsQuery, maxReplayedEvents, resyncEventName } from "../../contracts/events.ts";
import type { Actor } from "./authz.ts";
import { eventsAfter, type PublishedEvent } from "./events.ts";
import type { ServerDeps, ZodApp } from "./module.ts";
import { PresenceHub, parseWatches, topicOf } from "./presence.ts";
import { findPresenceRule } from "./registry.ts";

/** How often an idle stream gets a comment line, so proxies and browsers keep it open. */
export const keepAliveIntervalMs = 25_000;

/** A client this far behind (bytes not yet taken by its socket) is dropped; it resumes on reconnect. */
const maxBufferedBytes = 1_000_000;

export type EventStreamOptions = {
  /** Resolves the request's actor again (its session may end, its roles change); run at each keep-alive. */
  refreshActor?: (request: FastifyRequest) => Promise<Actor>;
  keepAliveMs?: number;
  /** Who views what (a module's subjects with a presence rule); one per server unless handed in. */
  presence?: PresenceHub;
};

const formatted = new WeakMap<PublishedEvent, Buffer>();

/**
 * One outbox event as an SSE message: `id`, `event` and a JSON `data` line. Formatted and encoded once
 * per event and shared by every stream it goes to, so a broadcast to thousands costs one serialization
 * and no per-stream text encoding.
 */
export function formatEvent(event: PublishedEvent): Buffer {
  let message = formatted.get(event);
  if (message === undefined) {
    message = Buffer.from(formatEventMessage(event));
    formatted.set(event, message);
  }
  return message;
}

function formatEventMessage(event: PublishedEvent): string {
  const data = {
    id: event.id,
    type: event.type,
    at: event.at.toISOString(),
    processId: event.processId,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    payload: event.payload,
  };
  return `id: ${event.id}\nevent: ${event.type.replace(/[\r\n]/g, "")}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** The id a reconnecting client last received, from the header or the query; null when absent or not an id. */
export function parseLastEventId(value: string | string[] | undefined): number | null {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || !/^\d{1,15}$/.test(text.trim())) return null;
  return Number(text.trim());
}

/**
 * GET /api/events: live updates over Server-Sent Events. Each event committed anywhere (any server
 * instance, through NOTIFY) is sent to every open stream whose actor may see its tier, checked at
 * delivery. A reconnect with Last-Event-ID first replays what it missed (visible ones only, at most
 * 500; more than that answers `event: resync`). Streams end cleanly when the client leaves and when
 * the server closes, so shutdown never waits on them.
 */
export async function registerEventStream(
  app: ZodApp,
  deps: ServerDeps,
  options: EventStreamOptions = {},
): Promise<void> {
  const keepAliveMs = options.keepAliveMs ?? keepAliveIntervalMs;
  const open = new Set<() => void>();
  const refreshing = new Set<Promise<unknown>>();
  const presence = options.presence ?? new PresenceHub();

  app.addHook("preClose", async () => {
    for (const end of [...open]) end();
    presence.stop();
    // Let actor checks under way finish while the database is still open.
    await Promise.allSettled([...refreshing]);
  });

  app.get(
    "/events",
    {
      exposeHeadRoute: false,
      schema: {
        tags: ["platform"],
        summary: "Live updates (text/event-stream), filtered by the caller's confidentiality tiers",
        description:
          "Each message: `id:` the outbox id, `event:` the operation's name, `data:` a LiveEvent as JSON. Send `Last-Event-ID` to replay missed events (at most 500; beyond that an `event: resync` says to reload). A `: keep-alive` comment comes every 25 seconds.",
        querystring: LiveEventsQuery,
      },
    },
    async (request, reply) => {
      const lastEventId = parseLastEventId(request.headers["last-event-id"] ?? request.query.lastEventId);
      let actor = request.actor;
      const started = performance.now();
      let delivered = 0;

      reply.hijack();
      const response = reply.raw;
      response.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        "x-accel-buffering": "no",
        "x-request-id": request.id,
        // The stream ends only when one side leaves; never reuse its connection afterwards, so a
        // shutdown that ends it is not then kept waiting on an idle keep-alive socket.
        connection: "close",
      });
      response.on("error", () => {});

      const write = (chunk: string | Buffer) => {
        if (response.destroyed || response.writableEnded) return;
        response.write(chunk);
        // node:http corks the socket on a write and uncorks it on the next tick, which waits until the
        // microtasks under way finish: behind a write's whole answer. Send now.
        response.socket?.uncork();
        if (response.writableLength > maxBufferedBytes) {
          request.log.warn({ buffered: response.writableLength }, "event stream client too slow; dropped");
          response.destroy();
        }
      };
      const send = (event: PublishedEvent) => {
        delivered += 1;
        write(formatEvent(event));
      };

      // Subscribe before replaying, holding live events back, so none falls between the two; a
      // replayed event that the hub delivers late is not sent twice.
      let held: PublishedEvent[] | null = lastEventId === null ? null : [];
      const replayed = new Set<number>();
      const unsubscribe = deps.events.subscribe({
        actor: () => actor,
        deliver: (event) => {
          if (held) held.push(event);
          else if (!replayed.has(event.id)) send(event);
        },
      });
      const keepAlive = setInterval(() => {
        write(": keep-alive\n\n");
        if (!options.refreshActor) return;
        const check = options
          .refreshActor(request)
          .then((fresh) => {
            actor = fresh;
          })
          .catch(() => {})
          .finally(() => refreshing.delete(check));
        refreshing.add(check);
      }, keepAliveMs);
      keepAlive.unref();

      let closed = false;
      const leaves: (() => void)[] = [];
      const cleanUp = () => {
        if (closed) return;
        closed = true;
        clearInterval(keepAlive);
        unsubscribe();
        for (const leave of leaves) leave();
        open.delete(end);
        request.log.info(
          { delivered, responseTime: Math.round(performance.now() - started) },
          "event stream closed",
        );
      };
      const end = () => {
        cleanUp();
        if (!response.writableEnded) response.end();
      };
      open.add(end);
      response.on("close", cleanUp);

      write("retry: 3000\n: connected\n\n");

      // Joins the subjects this stream views; a subject the actor may not watch is ignored without a word,
      // so asking tells nobody whether it exists.
      for (const { subjectType, subjectId } of parseWatches(request.query.watch)) {
        const rule = findPresenceRule(subjectType);
        const watch = rule ? await rule(deps.db, actor, subjectId).catch(() => null) : null;
        if (!watch || closed) continue;
        leaves.push(
          presence.join(topicOf(subjectType, subjectId), { actor: () => actor, watch, send: write }),
        );
      }

      if (lastEventId !== null) {
        try {
          const missed = await eventsAfter(deps.db, actor, lastEventId, maxReplayedEvents + 1);
          if (missed.length > maxReplayedEvents) {
            write(`event: ${resyncEventName}\ndata: {}\n\n`);
          } else {
            for (const event of missed) {
              replayed.add(event.id);
              send(event);
            }
          }
          const pending = held ?? [];
          held = null;
          for (const event of pending) if (!replayed.has(event.id)) send(event);
        } catch (error) {
          request.log.error({ err: error }, "could not replay missed events");
          end();
        }
      }
    },
  );
}
