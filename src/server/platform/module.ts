import type { Command } from "commander";
import type { SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
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
import type { DisputedField, ValueConflict } from "../../contracts/disputes.ts";
import { ErrorResponse } from "../../contracts/platform.ts";
import type { Config } from "../config.ts";
import type { Auth } from "./auth.ts";
import type { Actor, ProcessRole, Tier } from "./authz.ts";
import type { Database, Db } from "./db.ts";
import type { EventHub } from "./events.ts";
import type { JobRunner } from "./jobs.ts";
import { type Operation, runOperation } from "./operation.ts";
import type { PresenceRule } from "./presence.ts";

/** Everything a module's routes and start-up tasks may use; handed in, never imported. */
export type ServerDeps = {
  config: Config;
  database: Database;
  db: Db;
  auth: Auth;
  events: EventHub;
  /** Runs background jobs (`platform/jobs.ts`) queued by this server's operations. */
  jobs: JobRunner;
  log: FastifyBaseLogger;
};

/**
 * What a module's start-up task may use: the server hands in its whole `ServerDeps`; the CLI, which
 * runs the same tasks before its first command on a database, hands in these.
 */
export type StartDeps = Pick<ServerDeps, "config" | "database" | "db"> & {
  log: Pick<FastifyBaseLogger, "info" | "warn">;
};

/** The Fastify instance as modules see it: routes typed by their zod contracts. */
export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What the record shows of one subject: its name, the process it belongs to and its tier. */
export type SubjectDescription = {
  subjectId: string;
  label: string;
  processId: string | null;
  tier: Tier;
  /** The standing delegation a `delegation`-tier subject belongs to (a round delegation's member). */
  delegationId?: string | null;
};

/**
 * A shown field a presenter asks about: a disputed field's key on its own subject, or a value shown
 * elsewhere that rests on one (a decision's date, a change of standing, the end of a role, a fact's
 * text, the previous round's decision set against the round held).
 */
export type ShownField = DisputedField | "decidedOn" | "change" | "toDate" | "text" | "announcedVsHeld";

/** What a presenter asks: which conflicts bear on a subject's shown field (or any of its fields). */
export type DisputeIndex = {
  of(subjectType: string, subjectId: string, ...fields: ShownField[]): ValueConflict[];
};

/** A module's rule: the disputed values of one process the actor may see, built in a few queries. */
export type DisputeRule = (db: Db, actor: Actor, processId: string) => Promise<DisputeIndex>;

/** A subject named by type and id: what a citation, fact or conflict is about. */
export type SubjectKey = { subjectType: string; subjectId: string };

/**
 * A kind of record the record module may cite and dispute, contributed by the module that owns it
 * (`defineSubjectType` in platform/subject-types.ts): `load` describes subjects by id, and with an
 * actor only those it may see, by the owning module's tier rule in SQL (a missing or hidden id is
 * absent); `visibleIds` is that rule as a subquery of ids; `parts` names the subjects whose record is
 * shown with this one's (a round's participations).
 */
export type SubjectTypeDefinition = {
  load: (db: Db, ids: string[], actor?: Actor) => Promise<SubjectDescription[]>;
  visibleIds: (db: Db, actor: Actor) => SQL;
  parts?: (db: Db, subjectId: string) => Promise<SubjectKey[]>;
};

/**
 * What the demonstration operation hands each module's `demo` part: the transaction, and a shared
 * context through which an earlier part passes what a later one needs (ids by key, the data read).
 */
export type DemoContext = {
  tx: Db;
  /** Offers a value to the parts that run later, under the offering module's key. */
  provide<Value>(key: string, value: Value): void;
  /** A value an earlier part provided; a missing one is a bug in the order of the modules. */
  need<Value>(key: string): Value;
};

/** A module's part of the demonstration record: loaded in module order, removed in reverse order. */
export type DemoPart = {
  /** Inserts the module's demonstration rows; answers how many rows each of its tables received. */
  load: (context: DemoContext) => Promise<Record<string, number>>;
  /** Deletes the module's demonstration rows (and what hangs off them); answers the counts. */
  remove: (context: DemoContext) => Promise<Record<string, number>>;
  /** Whether the module's demonstration rows (or rows in their way) are in the database. */
  isLoaded?: (db: Db) => Promise<boolean>;
};

/** A text of the record in the platform's languages; any may be missing (the record says which it has). */
export type LocalizedText = { en?: string | null; ru?: string | null; ar?: string | null };

/**
 * One searchable document: a record as readers find it. `title` names it (in each language the
 * record has), `passages` are its other searchable texts by field, `keywords` words that match but
 * are not shown (aliases, an address), `path` the web page that shows it.
 */
export type SearchDocument = {
  subjectId: string;
  processId: string | null;
  title: LocalizedText;
  passages?: { field: string; text: LocalizedText }[];
  keywords?: string[];
  path: string;
  /** Orders documents of equal relevance (a round's number, a date). */
  order?: string;
};

/**
 * A kind of searchable record a module contributes (its manifest's `search`): `documents` gives every
 * document of the kind, built from the module's own tables; `visible` is the module's own tier rule
 * as an SQL condition on a column holding the document's `subjectId`, so results are filtered in SQL.
 */
export type SearchKindDefinition = {
  documents: (db: Db) => Promise<SearchDocument[]>;
  /** Its titles are names (a round's, a person's): also matched by part of a word and by a similar spelling. */
  names?: boolean;
  visible: (db: Db, actor: Actor, subjectId: AnyPgColumn) => SQL;
};

/** An operation of any input and result, as the platform lists them. */
// biome-ignore lint/suspicious/noExplicitAny: a list of operations holds every input, result and target type.
export type AnyOperation = Operation<any, any, any>;

/**
 * A module's manifest (`module.ts`): everything the module adds to the platform. The server, the
 * CLI, migration generation (drizzle-kit reads every `modules/*\/schema.ts`) and the record's subject
 * registry go over the manifests listed in `server/modules.ts`: adding a module is adding its folder
 * and one line there.
 */
export type AppModule = {
  /** The module's folder name, and the first part of its operations' and events' names. */
  name: string;
  /** The module's tables (its `schema.ts` as a namespace); never exported from its index. */
  tables?: Record<string, unknown>;
  /** Every operation the module defines, so the platform can list them (OpenAPI, tests, audit). */
  operations?: readonly AnyOperation[];
  /**
   * Process roles that read, in the audit log, this module's entries of the processes where they hold
   * the role (actions named `<module>.…`, every tier the role may read, refusals included): the
   * custodian of a module's records reads who touched them (the humanitarian module: the intermediary).
   */
  auditReaders?: readonly ProcessRole[];
  /** The event types its operations emit on the live stream. */
  eventTypes?: readonly string[];
  /** The subject types the record may cite and dispute, by name, each with its loader. */
  subjectTypes?: Record<string, SubjectTypeDefinition>;
  /**
   * The kinds of record it makes searchable (`round`, `fact`, …), each with its documents and its tier
   * rule; the search module indexes them and keeps the index current after every commit.
   */
  search?: Record<string, SearchKindDefinition>;
  /**
   * Subjects whose viewers see each other live (`presence`, platform/presence.ts), by subject type: the
   * rule says whether an actor may watch one (its own tier rule) and how the viewer is named.
   */
  presence?: Record<string, PresenceRule>;
  /** Registers the module's HTTP routes under /api. */
  routes?: (app: ZodApp, deps: ServerDeps) => void | Promise<void>;
  /** Registers the module's `astana` subcommands on the CLI's program. */
  cli?: (program: Command) => void;
  /** Its part of the demonstration record, run inside the one audited demonstration operation. */
  demo?: DemoPart;
  /**
   * Runs whenever the platform opens a database: after migrations at a server's start, and before
   * a CLI command that opens it itself (e.g. loading the demonstration record into an empty one).
   */
  onOpen?: (deps: StartDeps) => void | Promise<void>;
  /** Runs at a server's start only, after every module's `onOpen`, before it listens. */
  onStart?: (deps: ServerDeps) => void | Promise<void>;
  /**
   * For the canary test of every read: creates, through the module's own operations, one record of
   * every tier the module has, each carrying a marker from `marker` (which notes who may see it),
   * and returns the path parameters its records fill, keyed by their OpenAPI names (`{ id }`,
   * `{ subjectType, subjectId }`).
   */
  canary?: (ctx: CanaryContext, marker: (scope: CanaryScope) => string) => Promise<CanaryFill[]>;
  /**
   * Which shown values of a process its records dispute (the record module's rule over its
   * conflicts): presenters of every module ask through `disputesIn` (platform/disputes.ts).
   */
  disputes?: DisputeRule;
};

/** Who may see a canary record: its tier and where it belongs; the secretariat also sees some delegations' own. */
export type CanaryScope = {
  tier: Tier;
  processId: string | null;
  delegationId?: string | null;
  /** A delegation's own record the host secretariat also handles (an invitation, a list, a note). */
  alsoSecretariat?: boolean;
  /**
   * Process roles that also read it, beyond its tier (a side's list shared with the working group: the
   * guarantors and the UN). The canary then requires each holder of such a role to see it somewhere.
   */
  alsoRoles?: ProcessRole[];
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

/**
 * The operations among a module's exports (its `api.ts` as a namespace), for its manifest: every
 * operation it offers is listed without a second list to keep in step.
 */
export function operationsIn(exports: Record<string, unknown>): AnyOperation[] {
  return Object.values(exports).filter(
    (value): value is AnyOperation =>
      typeof value === "object" &&
      value !== null &&
      typeof (value as AnyOperation).name === "string" &&
      typeof (value as AnyOperation).run === "function" &&
      typeof (value as AnyOperation).authorize === "function",
  );
}

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
