import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as coreSchema from "../../src/server/modules/core/schema.ts";
import * as recordSchema from "../../src/server/modules/record/schema.ts";
import { createTestAccount, startTestApp, type TestApp } from "../helpers/app.ts";

let app: TestApp;
let secretariat: string;
let observer: string;

async function memberOf(delegationId: string, email: string): Promise<string> {
  const accountId = await createTestAccount(app.database.db, { email, password: "correct horse battery" });
  await app.database.db
    .insert(coreSchema.delegationMemberships)
    .values({ id: randomUUID(), delegationId, accountId });
  return app.signIn(email, "correct horse battery");
}

beforeAll(async () => {
  app = await startTestApp({ DEMO: "on" });
  secretariat = await memberOf("demo-astana-delegation-kazakhstan", "secretariat@mfa.example");
  observer = await memberOf("demo-astana-delegation-jordan", "observer@jordan.example");
});
afterAll(async () => {
  await app?.close();
});

const cite = (payload: unknown, as?: string) =>
  app.request({ method: "POST", url: "/api/record/citations", payload: payload as object, as });
const record = (payload: unknown, as?: string) =>
  app.request({ method: "POST", url: "/api/record/conflicts", payload: payload as object, as });

const newSource = {
  url: "https://www.mfa.gov.kz/en/press/astana-22-dates",
  title: "Dates of the 22nd meeting",
  published: "2024-10-30",
  language: "en",
};

describe("citing a source (record.source.cite)", () => {
  it("lets the secretariat cite a new source for a field, deduplicated by address", async () => {
    const response = await cite(
      { subjectType: "round", subjectId: "demo-round-22", field: "dates", source: newSource },
      secretariat,
    );
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().source).toMatchObject({ publisher: "mfa.gov.kz", published: "2024-10-30" });
    const shown = (await app.request({ method: "GET", url: "/api/record/round/demo-round-22" })).json();
    expect(shown.citations.dates.map((source: { url: string }) => source.url)).toContain(newSource.url);

    const again = await cite(
      { subjectType: "round", subjectId: "demo-round-21", source: { url: newSource.url } },
      secretariat,
    );
    expect(again.statusCode).toBe(201);
    expect(again.json().source.id).toBe(response.json().source.id);
    const twice = await cite(
      { subjectType: "round", subjectId: "demo-round-22", field: "dates", source: newSource },
      secretariat,
    );
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("already_cited");
  });

  it("refuses the public (401) and an observer delegation (403)", async () => {
    const payload = { subjectType: "round", subjectId: "demo-round-22", field: "city", source: newSource };
    expect((await cite(payload)).statusCode).toBe(401);
    const denied = await cite(payload, observer);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe("forbidden");
  });

  it("answers bad input with a 4xx naming the field", async () => {
    const unknownField = await cite(
      { subjectType: "round", subjectId: "demo-round-22", source: newSource, extra: 1 },
      secretariat,
    );
    expect(unknownField.statusCode).toBe(400);
    const badUrl = await cite(
      { subjectType: "round", subjectId: "demo-round-22", source: { url: "javascript:alert(1)" } },
      secretariat,
    );
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.body).toContain("url");
    const badType = await cite({ subjectType: "planet", subjectId: "x", source: newSource }, secretariat);
    expect(badType.statusCode).toBe(400);
    const both = await cite(
      { subjectType: "round", subjectId: "demo-round-22", source: { id: "x", url: newSource.url } },
      secretariat,
    );
    expect(both.statusCode).toBe(400);
    const missing = await cite(
      { subjectType: "round", subjectId: "demo-round-99", source: newSource },
      secretariat,
    );
    expect(missing.statusCode).toBe(404);
    const noSource = await cite(
      { subjectType: "round", subjectId: "demo-round-22", source: { id: "no-such-source" } },
      secretariat,
    );
    expect(noSource.statusCode).toBe(422);
    expect(noSource.json().error.details.issues[0].path).toEqual(["source", "id"]);
  });
});

describe("recording a conflict (record.conflict.record)", () => {
  const disagreement = {
    subjectType: "round",
    subjectId: "demo-round-22",
    kind: "disagreement",
    field: "start_date",
    text: "One agency gives 10 November as the opening day.",
    values: [
      { value: "10 November 2024", sources: [{ url: "https://example.org/agency-report" }] },
      { value: "11 November 2024", sources: [{ url: newSource.url }] },
    ],
  };

  it("keeps each value with its sources and shows it among the process's conflicts", async () => {
    const response = await record(disagreement, secretariat);
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json();
    expect(created.values.map((value: { value: string }) => value.value)).toEqual([
      "10 November 2024",
      "11 November 2024",
    ]);
    expect(created.values[0].sources[0].publisher).toBe("example.org");
    const listed = (
      await app.request({ method: "GET", url: "/api/processes/astana/conflicts?kind=disagreement" })
    ).json();
    const found = listed.items.find((item: { id: string }) => item.id === created.id);
    expect(found.subject).toMatchObject({ subjectType: "round", subjectId: "demo-round-22" });
  });

  it("refuses a disagreement with one value, naming the field, and writes nothing half-way", async () => {
    const before = await app.database.db.$count(recordSchema.conflicts);
    const oneValue = await record({ ...disagreement, values: disagreement.values.slice(0, 1) }, secretariat);
    expect(oneValue.statusCode).toBe(400);
    expect(JSON.stringify(oneValue.json().error.details)).toContain("values");
    const unknownSource = await record(
      {
        ...disagreement,
        values: [disagreement.values[0], { value: "12 November", sources: [{ id: "nope" }] }],
      },
      secretariat,
    );
    expect(unknownSource.statusCode).toBe(422);
    expect(unknownSource.json().error.details.issues[0].path).toEqual(["values", 1, "sources", 0, "id"]);
    expect(await app.database.db.$count(recordSchema.conflicts)).toBe(before);
    expect((await record(disagreement, observer)).statusCode).toBe(403);
    expect((await record(disagreement)).statusCode).toBe(401);
  });
});

describe("reading sources", () => {
  it("searches sources and shows what cites one", async () => {
    const list = (await app.request({ method: "GET", url: "/api/sources?q=astanatimes&limit=5" })).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.length).toBeLessThanOrEqual(5);
    expect(list.total).toBeGreaterThanOrEqual(list.items.length);
    const detail = (await app.request({ method: "GET", url: `/api/sources/${list.items[0].id}` })).json();
    expect(detail.citedBy.length).toBeGreaterThan(0);
    expect(detail.citedBy[0]).toEqual(
      expect.objectContaining({ subjectType: expect.any(String), label: expect.any(String) }),
    );
    expect((await app.request({ method: "GET", url: "/api/sources/none" })).statusCode).toBe(404);
    expect((await app.request({ method: "GET", url: "/api/sources?limit=0" })).statusCode).toBe(400);
  });

  it("hides a planned round's record from the public as if it did not exist", async () => {
    await app.database.db.insert(coreSchema.rounds).values({
      id: "planned-23",
      processId: "demo-astana",
      number: 23,
      names: { en: "Astana-23" },
      status: "planned",
    });
    expect((await app.request({ method: "GET", url: "/api/record/round/planned-23" })).statusCode).toBe(404);
    expect(
      (await app.request({ method: "GET", url: "/api/record/round/planned-23", as: observer })).statusCode,
    ).toBe(200);
    const timeline = (await app.request({ method: "GET", url: "/api/processes/astana/timeline" })).json();
    expect(timeline.undated.some((item: { id: string }) => item.id === "planned-23")).toBe(false);
    const forSecretariat = (
      await app.request({ method: "GET", url: "/api/processes/astana/timeline", as: secretariat })
    ).json();
    expect(forSecretariat.undated.some((item: { id: string }) => item.id === "planned-23")).toBe(true);
  });

  it("lists the record's routes in the OpenAPI document", async () => {
    const document = (await app.request({ method: "GET", url: "/api/openapi.json" })).json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        "/api/processes/{id}/timeline",
        "/api/processes/{id}/attendance",
        "/api/processes/{id}/conflicts",
        "/api/record/{subjectType}/{subjectId}",
        "/api/sources",
        "/api/record/citations",
        "/api/record/conflicts",
        "/api/demo/reset",
      ]),
    );
  });
});
