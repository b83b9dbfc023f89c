import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { feedTokenParameter } from "./api-tokens.ts";
import { appendAudit } from "./audit.ts";
import { type Actor, actorId, actorLabel, deny } from "./authz.ts";
import type { Db } from "./db.ts";
import { readErrors, type ZodApp } from "./module.ts";
import { readerLanguageOf, withReaderLanguage } from "./text-versions.ts";

type ZodObjectOrNone = z.ZodObject | undefined;
type Infer<Schema> = Schema extends z.ZodType ? z.infer<Schema> : Record<string, never>;

/** What a read's `load` gets: the path parameters and the query, parsed by their contracts. */
export type ReadInput<Params extends ZodObjectOrNone, Query extends ZodObjectOrNone> = {
  params: Infer<Params>;
  query: Infer<Query>;
};

/**
 * A read, as operations are for writes: one GET route, named like an operation (`core.round.get`).
 * `load` reads what the actor may see with the tier filter in its SQL (a hidden record answers 404
 * like a missing one); `present` shapes it for the answer; `can`, when given, is what the actor may
 * do next, computed by the same policy functions the operations call, and is added to the answer.
 */
export type Read<Params extends ZodObjectOrNone, Query extends ZodObjectOrNone, Loaded, Answer> = {
  name: string;
  /** The path under /api, in Fastify's form (`/rounds/:id`). */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  params?: Params;
  query?: Query;
  /** The contract of a 200 answer. */
  response: z.ZodType;
  /** Media types of a 200 answer that is not JSON (`send` then writes it). */
  produces?: string[];
  /** Extra error answers beyond 400 and 404 (e.g. 401 and 403 for a page of administrators). */
  errors?: Record<number, z.ZodType>;
  /**
   * Whether the answer is the same for every actor (so it may be cached and shared), or depends on
   * who asks (tiers, `can`, one's own account), or must never be cached (liveness). Declared by
   * every read; the cache is built on it.
   */
  cache: "public" | "per-actor" | "none";
  /**
   * A feed (Atom, iCalendar): feed readers and calendar apps send no headers, so it also takes a feed
   * token in its address (`?token=`) and answers as that token's owner, privately (`no-store`, never in
   * the answer cache). Only feeds take one; any other route refuses a token in its address (401).
   */
  feed?: boolean;
  /**
   * For the canary test: why a path parameter of this route cannot be filled from the modules'
   * canary records, when it cannot. A route without it must be fillable, or the test fails.
   */
  canaryNote?: string;
  /**
   * For a read only some roles have at all (the accounts page): pure, deny by default. A refusal
   * answers 401 or 403 and, for an account, is audited as `denied`, like a refused operation.
   */
  authorize?: (actor: Actor) => boolean;
  load: (db: Db, actor: Actor, input: ReadInput<Params, Query>) => Promise<Loaded>;
  present?: (loaded: Loaded, actor: Actor) => Answer;
  can?: (actor: Actor, loaded: Loaded) => Record<string, boolean>;
  /** For answers that are not JSON (a printable page): sends `loaded` itself. */
  send?: (reply: FastifyReply, loaded: Loaded) => FastifyReply | Promise<FastifyReply>;
};

// biome-ignore lint/suspicious/noExplicitAny: a registry of reads of any shape
export type AnyRead = Read<any, any, any, any>;

/** Declares a read; the identity function is here for type inference. */
export function defineRead<
  Params extends ZodObjectOrNone,
  Query extends ZodObjectOrNone,
  Loaded,
  Answer = Loaded,
>(read: Read<Params, Query, Loaded, Answer>): Read<Params, Query, Loaded, Answer> {
  return read;
}

const registered = new Map<string, AnyRead>();

/**
 * Every read registered in this process, by its route path: for the tests that go over every read
 * (reads are static declarations, the same for every server the process builds).
 */
export function registeredReads(): Map<string, AnyRead> {
  return registered;
}

/**
 * A module's registrar of reads on one app and database, so its routes file writes `read(defineRead(…))`
 * for each read, each keeping its own parameter, query and answer types.
 */
export function readRegistrar(app: ZodApp, db: Db) {
  return <Params extends ZodObjectOrNone, Query extends ZodObjectOrNone, Loaded, Answer>(
    read: Read<Params, Query, Loaded, Answer>,
  ): void => registerRead(app, db, read);
}

/**
 * Wires a read to its GET route: the path parameters and query parsed by their zod contracts, the
 * actor from the request (resolved from its session before the handler), the answer checked against
 * the response contract by the serializer, errors in the one error shape.
 */
export function registerRead<Params extends ZodObjectOrNone, Query extends ZodObjectOrNone, Loaded, Answer>(
  app: ZodApp,
  db: Db,
  read: Read<Params, Query, Loaded, Answer>,
): void {
  registered.set(read.path, read as AnyRead);
  const query = read.feed ? withFeedToken(read.query) : read.query;
  // The contracts still parse and check (the app's zod compilers); the types come from `read`.
  (app as unknown as FastifyInstance).route({
    method: "GET",
    url: read.path,
    schema: {
      tags: read.tags,
      summary: read.summary,
      ...(read.description ? { description: read.description } : {}),
      ...(read.params ? { params: read.params } : {}),
      ...(query ? { querystring: query } : {}),
      ...(read.feed ? { security: [{}, { feedToken: [] }, { session: [] }] } : {}),
      ...(read.produces ? { produces: read.produces } : {}),
      response: read.produces
        ? { ...readErrors, ...(read.errors ?? {}) }
        : { 200: read.response, ...readErrors, ...(read.errors ?? {}) },
    },
    config: { read: { name: read.name, cache: read.cache }, feed: read.feed === true },
    handler: (request, reply) => {
      // The record's texts are answered in the reader's language, said in `Content-Language`.
      const lang = readerLanguageOf(request);
      reply.header("content-language", lang);
      return withReaderLanguage(lang, () => answerRead(db, read, request, reply));
    },
  });
}

/** A feed's query contract, plus the feed token its address may carry (checked before the route runs). */
function withFeedToken(query: z.ZodObject | undefined): z.ZodObject {
  const token = z
    .string()
    .max(200)
    .optional()
    .describe(
      "a feed token (made on the account page with access feed): the feed then shows what its owner may see",
    );
  return (query ?? z.object({})).extend({ [feedTokenParameter]: token });
}

/** Loads, presents and adds `can`: the body of a read's route, run in the reader's language. */
async function answerRead<Params extends ZodObjectOrNone, Query extends ZodObjectOrNone, Loaded, Answer>(
  db: Db,
  read: Read<Params, Query, Loaded, Answer>,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<unknown> {
  const input = {
    params: (request.params ?? {}) as Infer<Params>,
    query: (request.query ?? {}) as Infer<Query>,
  };
  if (read.authorize && !read.authorize(request.actor))
    await refuseRead(db, request.actor, request.id, read.name);
  const loaded = await read.load(db, request.actor, input);
  if (read.send) return read.send(reply, loaded);
  const answer = read.present ? read.present(loaded, request.actor) : loaded;
  return read.can ? { ...(answer as object), can: read.can(request.actor, loaded) } : answer;
}

/**
 * Refuses a read the actor's role does not allow. An account's refusal is audited as `denied`, like a
 * refused operation; the public's is not, so a sign-in page asking "who am I?" fills no log.
 */
async function refuseRead(db: Db, actor: Actor, requestId: string, action: string): Promise<never> {
  if (actor.kind === "account") {
    await db.transaction(async (tx) => {
      await appendAudit(tx as unknown as Db, {
        actorId: actorId(actor),
        actorLabel: actorLabel(actor),
        action,
        outcome: "denied",
        tier: "process",
        processId: null,
        requestId,
      });
    });
  }
  return deny(actor);
}
