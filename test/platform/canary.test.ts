// The canary: records of every tier, made by every module's own hook, must not show through any GET route or the live stream.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { processRoles } from "../../src/contracts/enums.ts";
import {
  addMembership,
  assignRole,
  createAccount,
  createParticipant,
  createProcess,
  loadActor,
} from "../../src/server/modules/core/index.ts";
import * as coreSchema from "../../src/server/modules/core/schema.ts";
import { appModules } from "../../src/server/modules.ts";
import {
  type Actor,
  anonymous,
  canSee,
  hasRole,
  type ProcessRole,
  systemActor,
} from "../../src/server/platform/authz.ts";
import { DomainError } from "../../src/server/platform/errors.ts";
import type { CanaryContext, CanaryFill, CanaryScope } from "../../src/server/platform/module.ts";
import { runOperation } from "../../src/server/platform/operation.ts";
import { type AnyRead, registeredReads } from "../../src/server/platform/read.ts";
import { outbox } from "../../src/server/platform/schema.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { readEventStream, viewerHeaders } from "../helpers/event-stream.ts";

/** The live stream is a route too; it is read as a stream (its own test below), not as one answer. */
const streamPath = "/api/events";
const password = "canary cast passphrase";

type Caller = { label: string; cookie: string | undefined; actor: Actor };
type OpenApiParameter = {
  in: string;
  name: string;
  schema?: { type?: string; maximum?: number; enum?: unknown[]; format?: string; pattern?: string };
};

let app: TestApp;
let baseUrl: string;
let callers: Caller[] = [];
const fills: CanaryFill[] = [];
const markers = new Map<string, CanaryScope>();
const liveStreams = new Map<string, { text: () => string; close: () => void }>();

/** A marker no other marker contains (`…-07x` is not inside `…-071x`), with its tier in it. */
function marker(scope: CanaryScope): string {
  const text = `canary-${scope.tier}-${String(markers.size + 1).padStart(3, "0")}x`;
  markers.set(text, scope);
  return text;
}

/** The oracle: the tier rule of DESIGN §1 for one record, plus what the secretariat handles of a delegation's own. */
function mayLook(caller: Caller, scope: CanaryScope): boolean {
  if (
    canSee(caller.actor, {
      tier: scope.tier,
      processId: scope.processId,
      delegationId: scope.delegationId ?? null,
    })
  )
    return true;
  if (scope.alsoRoles && scope.processId && hasRole(caller.actor, scope.processId, ...scope.alsoRoles))
    return true;
  return Boolean(scope.alsoSecretariat && scope.processId && hasRole(caller.actor, scope.processId, "host"));
}

function markersIn(text: string): string[] {
  return [...text.matchAll(/canary-[a-z-]+-\d{3}x/g)].map((match) => match[0]);
}

const perform: CanaryContext["perform"] = (operation, input) =>
  runOperation({ db: app.deps.db }, operation, systemActor("canary-test"), input);

/** A viewer of the event stream (signed in by its cookie, or the public), resuming after `lastEventId` if given. */
function openStream(cookie: string | undefined, lastEventId?: string) {
  const headers = viewerHeaders(cookie);
  if (lastEventId !== undefined) headers["last-event-id"] = lastEventId;
  return readEventStream(`${baseUrl}${streamPath}`, headers);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The cast, built through core's operations: a process with one participant, standing delegation
 * and account per role; another process whose host delegation has its own member; an account on
 * no delegation; an administrator; and the public.
 */
async function buildCast(): Promise<CanaryContext> {
  const participantIds = {} as Record<ProcessRole, string>;
  for (const role of processRoles) {
    const { id } = await perform(createParticipant, {
      slug: `cast-${role.replaceAll("_", "-")}`,
      kind: role === "party" ? "party" : role === "international_organization" ? "organization" : "state",
      names: { en: `Cast ${role}` },
    });
    participantIds[role] = id;
  }
  const { id: processId } = await perform(createProcess, {
    slug: "canary-process",
    names: { en: "The canary's process" },
    hostParticipantId: participantIds.host,
  });
  for (const role of processRoles.filter((role) => role !== "host"))
    await perform(assignRole, { processId, participantId: participantIds[role], role });
  const other = await perform(createParticipant, {
    slug: "cast-elsewhere",
    kind: "state",
    names: { en: "Elsewhere" },
  });
  const { id: otherProcessId } = await perform(createProcess, {
    slug: "other-process",
    names: { en: "Another process" },
    hostParticipantId: other.id,
  });

  const { delegations } = coreSchema;
  const standing = await app.deps.db.select().from(delegations);
  const delegationOf = (process: string, participant: string) => {
    const found = standing.find((row) => row.processId === process && row.participantId === participant);
    if (!found) throw new Error(`no standing delegation of ${participant} in ${process}`);
    return found.id;
  };
  const delegationIds = {} as Record<ProcessRole, string>;
  for (const role of processRoles) delegationIds[role] = delegationOf(processId, participantIds[role]);

  const join = async (label: string, delegationId: string | null, isAdmin = false) => {
    const email = `${label.replaceAll(" ", "-")}@cast.example.org`;
    const account = await perform(createAccount, { email, name: `Cast ${label}`, password, isAdmin });
    if (delegationId) await perform(addMembership, { delegationId, accountId: account.id });
    callers.push({ label, cookie: email, actor: await loadActor(app.deps.db, account.id) });
  };
  callers = [{ label: "public", cookie: undefined, actor: anonymous }];
  await join("no delegation", null);
  for (const role of processRoles) await join(role, delegationIds[role]);
  await join("another delegation", delegationOf(otherProcessId, other.id));
  await join("administrator", null, true);
  // Signing in checks an argon2 hash on the thread pool: all at once.
  await Promise.all(
    callers.map(async (caller) => {
      if (caller.cookie) caller.cookie = await app.signIn(caller.cookie, password);
    }),
  );
  return { db: app.deps.db, processId, participantIds, delegationIds, perform };
}

beforeAll(async () => {
  const started = performance.now();
  app = await startTestApp();
  await app.app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.app.server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  baseUrl = `http://127.0.0.1:${address.port}`;
  const ctx = await buildCast();
  for (const caller of callers) liveStreams.set(caller.label, await openStream(caller.cookie));
  for (const module of appModules) {
    if (module.canary) fills.push(...(await module.canary(ctx, marker)));
  }
  fills.push({ id: "canary-process" });
  await pause(500);
  console.info(`canary: cast and records ready after ${Math.round(performance.now() - started)} ms`);
}, 120_000);

afterAll(async () => {
  for (const stream of liveStreams.values()) stream.close();
  await app?.close();
});

/** Every GET route of the OpenAPI document, with its path and query parameters. */
async function getRoutes(): Promise<{ path: string; parameters: OpenApiParameter[] }[]> {
  const document = (await app.request({ method: "GET", url: "/api/openapi.json" })).json();
  return Object.entries(document.paths as Record<string, { get?: { parameters?: OpenApiParameter[] } }>)
    .filter(([, operations]) => operations.get)
    .map(([path, operations]) => ({ path, parameters: operations.get?.parameters ?? [] }));
}

/** The queries to try on a route: the largest page, and each free-text parameter set to "canary". */
function queriesOf(parameters: OpenApiParameter[]): URLSearchParams[] {
  const base = new URLSearchParams();
  for (const parameter of parameters) {
    if (parameter.in === "query" && parameter.name === "limit" && parameter.schema?.maximum)
      base.set("limit", String(parameter.schema.maximum));
  }
  const queries = [base];
  for (const parameter of parameters) {
    const schema = parameter.schema ?? {};
    if (
      parameter.in !== "query" ||
      schema.type !== "string" ||
      schema.enum ||
      schema.format ||
      schema.pattern
    )
      continue;
    const query = new URLSearchParams(base);
    query.set(parameter.name, "canary");
    queries.push(query);
  }
  return queries;
}

/**
 * Whether a combination of path parameters names something at all: the read's own load, as the
 * system actor (who sees every tier), finds it. Combinations that name nothing (a round's id on a
 * process's route) answer 404 to everyone and are not sent.
 */
async function existsFor(read: AnyRead, fill: CanaryFill): Promise<boolean> {
  try {
    const params = read.params ? read.params.parse(fill) : {};
    const query = read.query ? read.query.parse({}) : {};
    await read.load(app.deps.db, systemActor("canary-test"), { params, query });
    return true;
  } catch (error) {
    if (error instanceof DomainError || error instanceof ZodError) return false;
    throw error;
  }
}

describe("the canary", () => {
  it("shows no marker through any GET route to a caller whose tiers do not reach it", async () => {
    const leaks: string[] = [];
    const unfillable: string[] = [];
    const seen = new Set<string>();
    const seenBy = new Map<string, Set<string>>();
    let requests = 0;
    const began = performance.now();
    for (const route of await getRoutes()) {
      if (route.path === streamPath) continue;
      const names = route.parameters
        .filter((parameter) => parameter.in === "path")
        .map((parameter) => parameter.name)
        .sort();
      const read = registeredReads().get(route.path.replace(/^\/api/, "").replace(/\{(\w+)\}/g, ":$1"));
      const candidates =
        names.length === 0 ? [{}] : fills.filter((fill) => Object.keys(fill).sort().join() === names.join());
      // A combination counts only if it names a record (a route no canary record fills is not covered).
      const matching: CanaryFill[] = [];
      for (const fill of candidates) {
        if (names.length === 0 || !read || (await existsFor(read, fill))) matching.push(fill);
      }
      if (matching.length === 0) {
        if (!read?.canaryNote) unfillable.push(`${route.path} (${names.join(", ")})`);
        continue;
      }
      for (const fill of matching) {
        const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
          encodeURIComponent((fill as CanaryFill)[name] ?? ""),
        );
        for (const query of queriesOf(route.parameters)) {
          const url = query.size > 0 ? `${path}?${query}` : path;
          for (const caller of callers) {
            requests += 1;
            const response = await app.request({ method: "GET", url, as: caller.cookie });
            expect(response.statusCode, `${caller.label} GET ${url}: ${response.body}`).toBeLessThan(500);
            for (const found of markersIn(response.body)) {
              const scope = markers.get(found);
              if (!scope) continue;
              if (mayLook(caller, scope)) {
                seen.add(found);
                seenBy.set(found, (seenBy.get(found) ?? new Set()).add(caller.label));
              } else leaks.push(`${caller.label} GET ${url} shows ${found}`);
            }
          }
        }
      }
    }
    console.info(`canary: ${requests} requests in ${Math.round(performance.now() - began)} ms`);
    expect(
      unfillable,
      "routes whose path parameters no module's canary fills (declare `canaryNote` on the read if that is right)",
    ).toEqual([]);
    expect([...new Set(leaks)]).toEqual([]);
    // The canary must be able to fail: every marker someone may see shows somewhere.
    const unseen = [...markers].filter(
      ([text, scope]) => !seen.has(text) && callers.some((caller) => mayLook(caller, scope)),
    );
    expect(
      unseen.map(([text]) => text),
      `${requests} requests`,
    ).toEqual([]);
    // A record opened to roles beyond its tier (a list shared with the working group) reaches each of them.
    const missed: string[] = [];
    for (const [text, scope] of markers) {
      if (!scope.alsoRoles || !scope.processId) continue;
      for (const caller of callers)
        if (
          hasRole(caller.actor, scope.processId, ...scope.alsoRoles) &&
          !seenBy.get(text)?.has(caller.label)
        )
          missed.push(`${caller.label} never read ${text}`);
    }
    expect(missed).toEqual([]);
    expect(
      [...markers.values()].some((scope) => scope.alsoRoles),
      "a record opened to roles beyond its tier",
    ).toBe(true);
  }, 300_000);

  it("delivers no marker live or in a replay from the first event to a caller whose tiers do not reach it", async () => {
    const leaks: string[] = [];
    const delivered = new Set<number>();
    const scopes = new Map(
      (await app.deps.db.select().from(outbox)).map((row) => [
        row.id,
        {
          tier: row.tier,
          processId: row.processId,
          delegationId: row.delegationId,
          type: row.type,
          subjectId: row.subjectId,
        },
      ]),
    );
    for (const caller of callers) {
      const replay = await openStream(caller.cookie, "0");
      await pause(300);
      replay.close();
      for (const [kind, text] of [
        ["replay", replay.text()],
        ["live", liveStreams.get(caller.label)?.text() ?? ""],
      ] as const) {
        expect(text.length, `${caller.label} ${kind}`).toBeGreaterThan(0);
        for (const found of markersIn(text)) {
          const scope = markers.get(found);
          if (scope && !mayLook(caller, scope)) leaks.push(`${caller.label} ${kind} shows ${found}`);
        }
        // Each event is also checked against the scope its operation wrote to the outbox.
        for (const [, id] of text.matchAll(/^id: (\d+)$/gm)) {
          const event = scopes.get(Number(id));
          delivered.add(Number(id));
          if (!event) leaks.push(`${caller.label} ${kind} got event ${id}, not in the outbox`);
          else if (!canSee(caller.actor, event))
            leaks.push(`${caller.label} ${kind} got ${event.type} (${event.tier}) about ${event.subjectId}`);
        }
      }
    }
    expect([...new Set(leaks)]).toEqual([]);
    expect(delivered.size, "events delivered to someone").toBeGreaterThan(10);
  }, 60_000);
});
