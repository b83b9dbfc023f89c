// Every operation of the OpenAPI document, as the public, an administrator and an observer, sent
// requests built from its own schemas and mutated with hostile values: none may answer 5xx, take too
// long, or answer 4xx outside the one error shape. Driven by the document, so a new module's routes
// are covered without editing this file. Fixed seed (HOSTILE_SEED overrides it), bounded runs.
import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import {
  type Endpoint,
  endpointsOf,
  type HostileAnswer,
  type HostileRequest,
  hostileRequests,
  type OpenApiDocument,
  problemWith,
  resourceOf,
  resourceOfField,
} from "../helpers/hostile-requests.ts";
import { type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";

const seed = Number(process.env.HOSTILE_SEED ?? 20261207);
/** Requests per operation and role. */
const runsPerOperation = Number(process.env.HOSTILE_RUNS ?? 12);
const requestTimeoutMs = 10_000;
const roles = ["public", "admin", "observer"] as const;

let app: TestApp;
let fx: ProcessFixture;
withProcessFixture((started) => {
  app = started.app;
  fx = started.fx;
});

/** Sends one request and reads its answer; a live event stream is accepted once its headers arrive. */
async function send(request: HostileRequest, cookie: string | undefined): Promise<HostileAnswer> {
  const response: LightMyRequestResponse = await app.request({
    method: request.method as "GET",
    url: request.url,
    as: cookie,
    payloadAsStream: true,
    ...(request.payload === undefined
      ? {}
      : { payload: request.payload, headers: { "content-type": request.contentType ?? "application/json" } }),
  });
  const contentType = String(response.headers["content-type"] ?? "");
  const stream = response.stream();
  if (contentType.startsWith("text/event-stream")) {
    stream.destroy();
    return { status: response.statusCode, contentType, body: "" };
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return { status: response.statusCode, contentType, body: Buffer.concat(chunks).toString("utf8") };
}

/** The ids and slugs the fixture's records expose, each filed under the resource it names. */
type KnownIds = { all: string[]; of: (resource: string) => string[] };

/**
 * Reads every GET of the document as an administrator and the secretariat: the lists first, then each
 * record by the ids found so far (a few per route), filing every id under the resource it belongs to.
 */
async function knownIds(doc: OpenApiDocument, keep: (id: string) => boolean): Promise<KnownIds> {
  const byResource = new Map<string, Set<string>>();
  const file = (resource: string, id: string) => {
    if (!keep(id)) return;
    const set = byResource.get(resource) ?? new Set<string>();
    set.add(id);
    byResource.set(resource, set);
  };
  const collect = (value: unknown, resource: string): void => {
    if (Array.isArray(value)) for (const item of value) collect(item, resource);
    else if (value && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        if (typeof item === "string" && (key === "id" || key === "slug")) file(resource, item);
        else if (typeof item === "string" && key.endsWith("Id")) file(resourceOfField(key), item);
        else collect(item, resource);
      }
    }
  };
  const of = (resource: string) => [...(byResource.get(resource) ?? [])];
  file("processes", "astana");
  const gets = endpointsOf(doc).filter(
    (endpoint) => endpoint.method === "GET" && endpoint.path !== "/api/events",
  );
  for (const pass of [0, 1, 2]) {
    for (const endpoint of gets.filter((candidate) => candidate.pathParams.length > 0 === pass > 0)) {
      const resource = endpoint.pathSchemas[0]?.resource ?? "";
      for (const id of pass > 0 ? of(resource).slice(0, 4) : [""]) {
        const url = endpoint.path.replace(/\{[^}]+\}/g, encodeURIComponent(id));
        for (const cookie of [fx.as.admin, fx.as.secretariat]) {
          const response = await app.request({ method: "GET", url, as: cookie });
          if (response.statusCode === 200 && response.headers["content-type"]?.includes("json"))
            collect(response.json(), resourceOf(endpoint.path));
        }
      }
    }
  }
  return { all: [...new Set([...byResource.values()].flatMap((set) => [...set]))], of };
}

/** A few records to point at: a planned round with a cited source and an invited delegation, a meeting. */
async function plantRecords(): Promise<void> {
  const round = await app.request({
    method: "POST",
    url: "/api/processes/astana/rounds",
    as: fx.as.secretariat,
    payload: {
      names: { en: "Round 1" },
      number: 1,
      city: "Astana",
      startDate: "2024-11-11",
      endDate: "2024-11-12",
    },
  });
  expect(round.statusCode, round.body).toBe(201);
  const roundId: string = round.json().id;
  const cited = await app.request({
    method: "POST",
    url: "/api/record/citations",
    as: fx.as.secretariat,
    payload: {
      subjectType: "round",
      subjectId: roundId,
      field: "dates",
      source: { url: "https://mfa.gov.kz/r1" },
    },
  });
  expect(cited.statusCode, cited.body).toBe(201);
  const invited = await app.request({
    method: "POST",
    url: `/api/rounds/${roundId}/delegations`,
    as: fx.as.secretariat,
    payload: { participantId: "jordan" },
  });
  expect(invited.statusCode, invited.body).toBeLessThan(300);
  const meeting = await app.request({
    method: "POST",
    url: "/api/processes/astana/meetings",
    as: fx.as.secretariat,
    payload: { slug: "ministerial-1", kind: "ministerial", names: { en: "Ministerial meeting" } },
  });
  expect(meeting.statusCode, meeting.body).toBe(201);
}

function describeRequest(role: string, request: HostileRequest): string {
  const payload = request.payload === undefined ? "" : ` ${request.payload.slice(0, 400)}`;
  const url = request.url.length > 300 ? `${request.url.slice(0, 300)}…` : request.url;
  return `as ${role}: ${request.method} ${url}${payload}`;
}

describe("hostile input on every operation of the OpenAPI document", () => {
  it("never answers 5xx, never hangs, and answers 4xx in the one error shape", async () => {
    const doc = (await app.request({ method: "GET", url: "/api/openapi.json" })).json() as OpenApiDocument;
    const me = async (cookie: string | undefined) =>
      (await app.request({ method: "GET", url: "/api/me", as: cookie })).json().id as string;
    // The signed-in roles' own accounts stay out of the pool, so no request takes their role away.
    const protectedIds = new Set([await me(fx.as.admin), await me(fx.as.observer)]);
    await plantRecords();
    const known = await knownIds(doc, (id) => !protectedIds.has(id));
    const endpoints = endpointsOf(doc);
    expect(endpoints.length).toBeGreaterThan(50);

    const failures: string[] = [];
    let sent = 0;
    const statuses = new Map<string, number>();
    const started = performance.now();
    for (const [index, endpoint] of endpoints.entries()) {
      const requests = fc.sample(hostileRequests(endpoint, known.all, known.of), {
        seed: seed + index,
        numRuns: runsPerOperation * roles.length,
      });
      for (const [n, request] of requests.entries()) {
        const role = roles[n % roles.length] as (typeof roles)[number];
        const cookie = role === "public" ? undefined : fx.as[role];
        sent += 1;
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<"timeout">((resolve) => {
          timer = setTimeout(() => resolve("timeout"), requestTimeoutMs);
        });
        const answer = await Promise.race([send(request, cookie), timeout]).finally(() =>
          clearTimeout(timer),
        );
        const status = answer === "timeout" ? "timeout" : String(answer.status);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        const problem =
          answer === "timeout" ? `no answer within ${requestTimeoutMs} ms` : problemWith(answer);
        if (problem)
          failures.push(`${describeOperation(endpoint)} ${describeRequest(role, request)}\n    → ${problem}`);
      }
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.info(
      `hostile input: ${sent} requests over ${endpoints.length} operations in ${seconds} s (seed ${seed}); answers ${[
        ...statuses,
      ]
        .sort()
        .map(([status, count]) => `${status}×${count}`)
        .join(" ")}`,
    );
    expect(
      failures,
      `seed ${seed} (HOSTILE_SEED=${seed} to replay), ${failures.length} of ${sent} failed:\n${failures.slice(0, 30).join("\n")}`,
    ).toEqual([]);
    // The roles held to the end, so every request above was made in the role it claims.
    expect((await app.request({ method: "GET", url: "/api/me", as: fx.as.admin })).json().isAdmin).toBe(true);
    expect((await app.request({ method: "GET", url: "/api/me", as: fx.as.observer })).statusCode).toBe(200);
  }, 240_000);
});

function describeOperation(endpoint: Endpoint): string {
  return `[${endpoint.method} ${endpoint.path}]`;
}
