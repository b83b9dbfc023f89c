// Presented answers of GET routes kept in memory, so that press traffic on the public record costs a
// lookup and a socket write instead of queries, presenters and serialization per request.
//
// Safety rests on three rules:
// - an answer is keyed by its full address *and* by the caller's credentials (the cookie and
//   authorization headers as sent): an anonymous answer can only hold public records, and a signed-in
//   caller's answer is served again only to the same credentials, so no answer ever crosses tiers;
// - every committed operation bumps a generation (a NOTIFY delivered on commit to every instance), and an
//   answer computed under an older generation is never served; so is any answer older than `ttlMs` (one
//   second with credentials, whose session another instance may end; longer for the public), in case a
//   notification is lost on a dropped connection (a reconnect also empties the cache);
// - a sign-out or any other change made through the authentication routes empties the cache;
// - an answer is also keyed by the reader's language (negotiated from `Accept-Language`), since the
//   record's texts are answered in it.

import { createHash } from "node:crypto";
import type { IncomingHttpHeaders, ServerResponse } from "node:http";
import { brotliCompressSync, gzipSync, constants as zlibConstants } from "node:zlib";
import type { FastifyReply, FastifyRequest } from "fastify";
import { LRUCache } from "lru-cache";
import { negotiateLanguage } from "../../contracts/localize.ts";
import { feedTokenOf } from "./api-tokens.ts";

/** The NOTIFY channel on which every committed operation says that something changed. */
export const changesChannel = "astana_changes";

export type Entry = {
  body: Buffer;
  contentType: string;
  /** The language the answer's texts are in (`Content-Language`), part of its key. */
  contentLanguage: string;
  etag: string;
  generation: number;
  storedAt: number;
  /** Whether it answers credentials (then it lives `ttlMs`), or the public (`publicTtlMs`). */
  private: boolean;
  /** The other headers the route's answer carried (security, caching), once it was sent: hits reuse them. */
  headers?: Record<string, string | number | string[]>;
  gzip?: Buffer;
  br?: Buffer;
};

export type AnswerCacheOptions = {
  /** The longest an answer to credentials is served without a change notification; default 1 s. */
  ttlMs?: number;
  /** The same for the public's answers; default 10 s (changes still show at once, by notification). */
  publicTtlMs?: number;
  /** Memory for answers, in bytes of uncompressed body; default 64 MiB. */
  maxBytes?: number;
};

/** Paths whose answers are never kept: liveness and readiness, live streams, sign-in, first-run state. */
const neverCached = [/^\/api\/ready\b/, /^\/api\/events\b/, /^\/api\/auth\//, /^\/api\/setup\b/];

/** Answers smaller than this are sent uncompressed (the headers would cost more than they save). */
const compressFrom = 1024;

type Pending = { generation: number; done: Promise<void>; resolve: () => void };

/**
 * The cache of GET answers under /api. `serve` (an onRequest hook) answers from it or lets the request
 * through; `keep` (an onSend hook) stores what the route answered; `invalidate` runs on every change.
 */
export class AnswerCache {
  private generation = 0;
  private readonly ttlMs: number;
  private readonly publicTtlMs: number;
  private readonly entries: LRUCache<string, Entry>;
  private readonly pending = new Map<string, Pending>();
  private hits = 0;
  private misses = 0;
  private accepting = true;

  constructor(options: AnswerCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? 1000;
    this.publicTtlMs = options.publicTtlMs ?? 10_000;
    this.entries = new LRUCache<string, Entry>({
      maxSize: options.maxBytes ?? 64 * 2 ** 20,
      sizeCalculation: (entry) =>
        entry.body.length + (entry.gzip?.length ?? 0) + (entry.br?.length ?? 0) + 256,
    });
  }

  /** Something was committed (here or on another instance): nothing computed before may be served again. */
  invalidate(): void {
    this.generation += 1;
    this.entries.clear();
  }

  get stats(): { hits: number; misses: number; entries: number } {
    return { hits: this.hits, misses: this.misses, entries: this.entries.size };
  }

  /**
   * onRequest: answers a GET from the cache when a fresh answer for the same address and credentials is
   * there (304 when the client already holds it); when another request is computing the same answer,
   * waits for it first, so a burst after a change computes each answer once.
   */
  async serve(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const key = cacheKey(request);
    if (key === null) return;
    request.answerCache = { key, generation: this.generation };
    let entry = this.fresh(key);
    if (!entry) {
      const computing = this.pending.get(key);
      if (computing && computing.generation === this.generation) {
        await computing.done;
        entry = this.fresh(key);
      }
    }
    if (!entry) {
      this.misses += 1;
      if (!this.pending.has(key)) {
        let resolve = () => {};
        const done = new Promise<void>((settle) => {
          resolve = settle;
        });
        this.pending.set(key, { generation: this.generation, done, resolve });
        request.answerCache.leader = true;
      }
      return;
    }
    this.hits += 1;
    request.answerCache = undefined;
    this.send(request, reply, entry);
    return reply as unknown as undefined;
  }

  /** onSend: keeps a successful JSON or HTML answer computed under the current generation. */
  keep(request: FastifyRequest, reply: FastifyReply, payload: unknown): void {
    const marker = request.answerCache;
    if (!marker) return;
    if (marker.generation === this.generation && reply.statusCode === 200) {
      const body =
        typeof payload === "string" ? Buffer.from(payload) : Buffer.isBuffer(payload) ? payload : null;
      const contentType = String(reply.getHeader("content-type") ?? "");
      if (body && !reply.getHeader("set-cookie") && !reply.getHeader("content-encoding")) {
        const etag = etagOf(body);
        marker.stored = true;
        reply.header("etag", etag);
        this.entries.set(marker.key, {
          body,
          contentType,
          contentLanguage: String(reply.getHeader("content-language") ?? ""),
          etag,
          generation: marker.generation,
          storedAt: Date.now(),
          private: hasCredentials(request),
        });
      }
    }
    this.release(request);
  }

  /**
   * onResponse / onRequestAbort: keeps the headers the stored answer went out with (so a hit sends the
   * same security and caching headers without running the hooks again), and wakes those waiting on a
   * leader, whether or not it stored anything.
   */
  release(request: FastifyRequest, sentHeaders?: Record<string, unknown>): void {
    const marker = request.answerCache;
    if (marker?.stored && sentHeaders) {
      const entry = this.entries.peek(marker.key);
      if (entry && entry.generation === marker.generation) entry.headers = reusableHeaders(sentHeaders);
    }
    if (!marker?.leader) return;
    marker.leader = false;
    const computing = this.pending.get(marker.key);
    if (computing) {
      this.pending.delete(marker.key);
      computing.resolve();
    }
  }

  /**
   * A hit written straight to the socket with the headers the computed answer had: no hooks, no
   * serializer, no compression work. The request id is still sent for tracing.
   */
  private sendRaw(request: FastifyRequest, reply: FastifyReply, entry: Entry): void {
    reply.hijack();
    const response = reply.raw;
    // A hijacked reply skips Fastify's own "request completed" line: write it, so hits stay in the logs.
    response.once("finish", () =>
      request.log.info({ res: { statusCode: response.statusCode }, cache: "hit" }, "request completed"),
    );
    writeHit(request.method, request.headers, response, entry, request.id);
  }

  /**
   * The answer for a raw request, for the server's fast path in front of routing (platform/answer-server.ts):
   * only an answer already sent once through the whole stack (so its headers are known), fresh, and only
   * while the server is not shutting down (then every answer must say `connection: close`).
   */
  hitFor(
    method: string | undefined,
    url: string | undefined,
    headers: IncomingHttpHeaders,
  ): Entry | undefined {
    if (!this.accepting || (method !== "GET" && method !== "HEAD") || !url?.startsWith("/api/"))
      return undefined;
    const entry = this.fresh(keyOf(method, url, headers));
    if (!entry?.headers) return undefined;
    this.hits += 1;
    return entry;
  }

  /** From the server's `preClose`: answers now go through the stack, which closes kept-alive connections. */
  stopFastPath(): void {
    this.accepting = false;
  }

  private fresh(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const ttl = entry.private ? this.ttlMs : this.publicTtlMs;
    if (entry.generation !== this.generation || Date.now() - entry.storedAt > ttl) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private send(request: FastifyRequest, reply: FastifyReply, entry: Entry): void {
    if (entry.headers) {
      this.sendRaw(request, reply, entry);
      return;
    }
    reply.header("etag", entry.etag);
    reply.header("content-type", entry.contentType);
    if (entry.contentLanguage) reply.header("content-language", entry.contentLanguage);
    if (request.headers["if-none-match"] === entry.etag) {
      reply.code(304).send();
      return;
    }
    const encoding =
      entry.body.length >= compressFrom ? chooseEncoding(request.headers["accept-encoding"]) : null;
    if (encoding) reply.header("content-encoding", encoding);
    reply.send(compressedBody(entry, encoding));
  }
}

/**
 * Writes a kept answer: 304 when the client already holds it (same ETag), else the body in the best
 * encoding the client accepts, with the headers the computed answer went out with.
 */
export function writeHit(
  method: string | undefined,
  requestHeaders: IncomingHttpHeaders,
  response: ServerResponse,
  entry: Entry,
  requestId: string,
): void {
  const common = {
    ...entry.headers,
    etag: entry.etag,
    "x-request-id": requestId,
    ...(entry.contentLanguage ? { "content-language": entry.contentLanguage } : {}),
  };
  if (requestHeaders["if-none-match"] === entry.etag) {
    response.writeHead(304, common);
    response.end();
    return;
  }
  const encoding =
    entry.body.length >= compressFrom ? chooseEncoding(requestHeaders["accept-encoding"]) : null;
  const body = compressedBody(entry, encoding);
  response.writeHead(200, {
    ...common,
    "content-type": entry.contentType,
    "content-length": body.length,
    ...(encoding ? { "content-encoding": encoding } : {}),
  });
  response.end(method === "HEAD" ? undefined : body);
}

/** Headers of a sent answer that do not depend on the request or the encoding chosen for it. */
const perRequestHeaders = new Set([
  "content-length",
  "content-encoding",
  "content-type",
  "etag",
  "x-request-id",
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "set-cookie",
]);

function reusableHeaders(sent: Record<string, unknown>): Record<string, string | number | string[]> {
  const kept: Record<string, string | number | string[]> = {};
  for (const [name, value] of Object.entries(sent)) {
    if (perRequestHeaders.has(name.toLowerCase())) continue;
    if (typeof value === "string" || typeof value === "number" || Array.isArray(value)) kept[name] = value;
  }
  return kept;
}

/** The cache key of a request, or null when its answer must not be kept (not a GET of the API, or excluded). */
function cacheKey(request: FastifyRequest): string | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  const url = request.url;
  if (!url.startsWith("/api/") || neverCached.some((pattern) => pattern.test(url))) return null;
  // A feed token's answer is never kept: it is private to the token, and a revoked token must stop at once.
  if (feedTokenOf(url) !== null) return null;
  // A read that declares its answer must never be kept (liveness, readiness) is not.
  const config = request.routeOptions.config as { read?: { cache?: string } } | undefined;
  if (config?.read?.cache === "none") return null;
  return keyOf(request.method, url, request.headers);
}

/**
 * An answer is kept per method, full address, credentials exactly as sent and reader's language: never
 * shared across them.
 */
function keyOf(method: string, url: string, headers: IncomingHttpHeaders): string {
  // Answers are in the reader's language (texts of the record, names): one language's answer is never
  // served to a reader of another. Keyed by the negotiated language, not the raw header.
  const lang = negotiateLanguage(headers["accept-language"]);
  return `${method} ${url}\u0000${headers.cookie ?? ""}\u0001${headers.authorization ?? ""}\u0000${lang}`;
}

/** Whether the request carries credentials (a feed token in its address counts): its answer is then private to them. */
export function hasCredentials(request: FastifyRequest): boolean {
  return Boolean(
    request.headers.cookie || request.headers.authorization || feedTokenOf(request.url) !== null,
  );
}

/** Brotli where the client takes it, else gzip, else none; `q=0` refuses an encoding. */
export function chooseEncoding(header: string | string[] | undefined): "br" | "gzip" | null {
  const text = Array.isArray(header) ? header.join(",") : (header ?? "");
  const accepted = new Set<string>();
  for (const part of text.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
    if (q && Number(q.slice(2)) === 0) continue;
    accepted.add(name);
  }
  if (accepted.has("br")) return "br";
  if (accepted.has("gzip")) return "gzip";
  return null;
}

function compressedBody(entry: Entry, encoding: "br" | "gzip" | null): Buffer {
  if (encoding === "br") {
    entry.br ??= brotliCompressSync(entry.body, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: 5,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: entry.body.length,
      },
    });
    return entry.br;
  }
  if (encoding === "gzip") {
    entry.gzip ??= gzipSync(entry.body, { level: 6 });
    return entry.gzip;
  }
  return entry.body;
}

function etagOf(body: Buffer): string {
  return `"${createHash("sha1").update(body).digest("base64url")}"`;
}

declare module "fastify" {
  interface FastifyRequest {
    /** Set while a cacheable GET is being computed: where to keep its answer, and under which generation. */
    answerCache?: { key: string; generation: number; leader?: boolean; stored?: boolean };
  }
}
