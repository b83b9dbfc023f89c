import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { z } from "zod";
import { ErrorResponse } from "../../contracts/platform.ts";
import type { Config } from "../config.ts";
import type { Auth } from "./auth.ts";
import type { Actor, ProcessRole, Tier } from "./authz.ts";
import type { Database, Db } from "./db.ts";
import type { EventHub } from "./events.ts";
import { type Operation, runOperation } from "./operation.ts";

/** Everything a module's routes and start-up tasks may use; handed in, never imported. */
export type ServerDeps = {
  config: Config;
  database: Database;
  db: Db;
  auth: Auth;
  events: EventHub;
  log: FastifyBaseLogger;
};

/** The Fastify instance as modules see it: routes typed by their zod contracts. */
export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/**
 * A module's manifest (`module.ts`): its routes and what it does at start-up. The server registers
 * every manifest in `modules.ts`; adding a module is adding a folder and one line there.
 */
export type AppModule = {
  name: string;
  /** Registers the module's HTTP routes under /api. */
  routes?: (app: ZodApp, deps: ServerDeps) => void | Promise<void>;
  /** Runs after migrations, before the server listens (e.g. loading the demonstration record). */
  onStart?: (deps: ServerDeps) => void | Promise<void>;
  /**
   * For the canary test of every read: creates, through the module's own operations, one record of
   * every tier the module has, each carrying a marker from `marker` (which notes who may see it),
   * and returns the path parameters its records fill, keyed by their OpenAPI names (`{ id }`,
   * `{ subjectType, subjectId }`).
   */
  canary?: (ctx: CanaryContext, marker: (scope: CanaryScope) => string) => Promise<CanaryFill[]>;
};

/** Who may see a canary record: its tier and where it belongs; the secretariat also sees some delegations' own. */
export type CanaryScope = {
  tier: Tier;
  processId: string | null;
  delegationId?: string | null;
  /** A delegation's own record the host secretariat also handles (an invitation, a list, a note). */
  alsoSecretariat?: boolean;
};

/** Path parameters a canary record fills, by their names in the OpenAPI document. */
export type CanaryFill = Record<string, string>;

/** What a canary hook works in: a process whose every role has a participant and a standing delegation. */
export type CanaryContext = {
  db: Db;
  processId: string;
  participantIds: Record<ProcessRole, string>;
  delegationIds: Record<ProcessRole, string>;
  /** Runs an operation as the system actor (audited like the CLI's). */
  perform: <Schema extends z.ZodType, Result, Target>(
    operation: Operation<Schema, Result, Target>,
    input: z.input<Schema>,
  ) => Promise<Result>;
};

declare module "fastify" {
  interface FastifyRequest {
    /** The actor of this request, resolved from its session once, before the handler. */
    actor: Actor;
  }
}

/** Runs an operation as the request's actor, with the request id in its audit entry. */
export function perform<Schema extends z.ZodType, Result, Target>(
  request: FastifyRequest,
  db: Db,
  operation: Operation<Schema, Result, Target>,
  input: unknown,
): Promise<Result> {
  return runOperation({ db, requestId: request.id }, operation, request.actor, input);
}

/** The error answers a write may give (bad input, not signed in, refused, missing, conflict, invalid), for the OpenAPI document. */
export const writeErrors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};

/** The error answers a read may give (bad query, missing or hidden), for the OpenAPI document. */
export const readErrors = { 400: ErrorResponse, 404: ErrorResponse };
