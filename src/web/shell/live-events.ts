import { useEffect, useRef, useState } from "react";

/** One event as the server streams it (`GET /api/events`), already filtered by the reader's tier. */
export type LiveEvent = {
  id: number | string;
  type: string;
  at: string;
  processId: string | null;
  subjectType: string | null;
  subjectId: string | null;
  payload: Record<string, unknown>;
};

type Subscriber = {
  types: ReadonlySet<string>;
  onEvent: (event: LiveEvent) => void;
  onReconnect?: () => void;
};

/** Who views a watched subject, as the stream's `presence` messages list them (server platform/presence.ts). */
export type PresenceViewer = { person: string; delegation: string };
type Presence = { subjectType: string; subjectId: string; viewers: PresenceViewer[]; more: number };

/** The server's signal that more events were missed than it replays: reload instead (contracts/events.ts). */
const resyncEvent = "resync";
const firstRetryMs = 1_000;
const lastRetryMs = 30_000;

/**
 * One EventSource per tab, shared by every page that listens, so ten live widgets cost one connection.
 * The browser retries a dropped stream by itself and resumes after the last event id it saw (the server
 * replays what was missed); when the server refuses the stream outright (the source is CLOSED) this
 * reopens it with a growing delay, resuming from the same id. Subscribers are told to refetch what they
 * show whenever the stream opens (what changed before it was open was never sent) and when the server
 * cannot fill a gap (`resync`).
 */
class LiveConnection {
  private source: EventSource | null = null;
  private readonly subscribers = new Set<Subscriber>();
  private readonly boundTypes = new Set<string>();
  private retryDelay = firstRetryMs;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private lastEventId: string | null = null;
  private readonly url: string;
  /** The subjects this tab views (`type:id`), each with who wants to hear who else views it. */
  private readonly watches = new Map<string, Set<(presence: Presence) => void>>();

  constructor(url: string) {
    this.url = url;
  }

  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    if (!this.source && !this.retryTimer) this.open();
    else for (const type of subscriber.types) this.bind(type);
    return () => {
      this.subscribers.delete(subscriber);
      if (this.idle()) this.close();
    };
  }

  /**
   * Tells the server this tab views a subject (the stream reopens with it, resuming after the last
   * event), and calls `onPresence` with who else views it whenever that changes.
   */
  watch(topic: string, onPresence: (presence: Presence) => void): () => void {
    const listeners = this.watches.get(topic) ?? new Set();
    const added = listeners.size === 0;
    listeners.add(onPresence);
    this.watches.set(topic, listeners);
    if (added) this.reopen();
    return () => {
      listeners.delete(onPresence);
      if (listeners.size > 0) return;
      this.watches.delete(topic);
      if (this.idle()) this.close();
      else this.reopen();
    };
  }

  private idle(): boolean {
    return this.subscribers.size === 0 && this.watches.size === 0;
  }

  private reopen(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.source?.close();
    this.source = null;
    this.open();
  }

  /** Reopens the stream, e.g. after sign-in or sign-out, so the server filters for the new reader. */
  restart(): void {
    if (this.idle()) return;
    this.close();
    this.open();
  }

  private open(): void {
    const query = new URLSearchParams();
    if (this.lastEventId !== null) query.set("lastEventId", this.lastEventId);
    if (this.watches.size > 0) query.set("watch", [...this.watches.keys()].join(","));
    const search = query.size > 0 ? `?${query}` : "";
    const source = new EventSource(`${this.url}${search}`, { withCredentials: true });
    this.source = source;
    this.boundTypes.clear();
    source.addEventListener("presence", (message) => {
      let presence: Presence;
      try {
        presence = JSON.parse((message as MessageEvent<string>).data) as Presence;
      } catch {
        return;
      }
      for (const listener of this.watches.get(`${presence.subjectType}:${presence.subjectId}`) ?? [])
        listener(presence);
    });
    source.addEventListener(resyncEvent, () => {
      for (const subscriber of this.subscribers) subscriber.onReconnect?.();
    });
    for (const subscriber of this.subscribers) for (const type of subscriber.types) this.bind(type);
    source.onopen = () => {
      this.retryDelay = firstRetryMs;
      // A change made before the stream was open was never sent: let the pages catch up once.
      for (const subscriber of this.subscribers) subscriber.onReconnect?.();
    };
    source.onerror = () => {
      if (source.readyState !== EventSource.CLOSED || this.source !== source) return;
      this.source = null;
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        if (!this.idle()) this.open();
      }, this.retryDelay);
      this.retryDelay = Math.min(this.retryDelay * 2, lastRetryMs);
    };
  }

  private bind(type: string): void {
    if (!this.source || this.boundTypes.has(type)) return;
    this.boundTypes.add(type);
    this.source.addEventListener(type, (message) => this.dispatch(type, message as MessageEvent<string>));
  }

  private dispatch(type: string, message: MessageEvent<string>): void {
    if (message.lastEventId) this.lastEventId = message.lastEventId;
    let event: LiveEvent;
    try {
      event = { ...(JSON.parse(message.data) as LiveEvent), type };
    } catch {
      return;
    }
    for (const subscriber of this.subscribers) if (subscriber.types.has(type)) subscriber.onEvent(event);
  }

  private close(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.source?.close();
    this.source = null;
    this.boundTypes.clear();
  }
}

export const liveConnection = new LiveConnection("/api/events");

/**
 * Calls `onEvent` for every live event of the given types while the component is mounted, and
 * `onReconnect` when the stream (re)opens or the server says `resync`: events may have been missed, so
 * refetch then.
 */
export function useLiveEvents(
  types: readonly string[],
  onEvent: (event: LiveEvent) => void,
  options: { onReconnect?: () => void; enabled?: boolean } = {},
): void {
  const handlers = useRef({ onEvent, onReconnect: options.onReconnect });
  handlers.current = { onEvent, onReconnect: options.onReconnect };
  const enabled = options.enabled ?? true;
  const typeKey = [...types].sort().join("\n");
  useEffect(() => {
    if (!enabled || typeKey === "") return;
    return liveConnection.subscribe({
      types: new Set(typeKey.split("\n")),
      onEvent: (event) => handlers.current.onEvent(event),
      onReconnect: () => handlers.current.onReconnect?.(),
    });
  }, [typeKey, enabled]);
}

/**
 * Reopens the shared stream when the reader signs in or out, since the server filters the stream by
 * the session it was opened with.
 */
export function useLiveConnectionFollows(accountId: string | null): void {
  const previous = useRef(accountId);
  useEffect(() => {
    if (previous.current === accountId) return;
    previous.current = accountId;
    liveConnection.restart();
  }, [accountId]);
}

/**
 * Who else views a subject now (e.g. `text_document`, a draft's id), live: the list the server sends to
 * those allowed to see the subject; empty for anyone else (the server sends them nothing).
 */
export function usePresence(subjectType: string, subjectId: string, enabled = true): PresenceViewer[] {
  const [viewers, setViewers] = useState<PresenceViewer[]>([]);
  useEffect(() => {
    if (!enabled || !subjectId) return;
    const stop = liveConnection.watch(`${subjectType}:${subjectId}`, (presence) =>
      setViewers(presence.viewers),
    );
    return () => {
      stop();
      setViewers([]);
    };
  }, [subjectType, subjectId, enabled]);
  return viewers;
}
