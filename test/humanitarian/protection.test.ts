// Protection of personal data: a list with a recognisable name is imported (and refused a second time,
// and sent with errors, and imported again as a background job); the name is then looked for where it must never be — the database's raw
// tables (encrypted at rest), the server's log lines (at debug level), the public and the signed-in
// event streams, the outbox, the audit chain, the jobs' rows, and every error answer. Every read of a person is audited.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/server/config.ts";
import { loadPersonalDataKey } from "../../src/server/platform/personal-data.ts";
import { auditLog, jobs, outbox } from "../../src/server/platform/schema.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { readEventStream, viewerHeaders } from "../helpers/event-stream.ts";
import { buildProcessFixture } from "../helpers/process-fixtures.ts";
import {
  addHumanitarianCast,
  csvOf,
  type HumCast,
  personRow,
  templateHeader,
  uploadList,
} from "./helpers.ts";

const secretName = "Zubaydaqaranfuli";
const secretArabic = "زبيدةقرنفلي";
const lines: string[] = [];
let app: TestApp;
let cast: HumCast;
let streams: { text: () => string; close: () => void }[] = [];
const answers: string[] = [];

beforeAll(async () => {
  app = await startTestApp({ LOG_LEVEL: "trace" }, { logStream: { write: (line) => lines.push(line) } });
  await app.app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.app.server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  cast = await addHumanitarianCast(app, await buildProcessFixture(app));
  const base = `http://127.0.0.1:${address.port}/api/events`;
  streams = await Promise.all(
    [undefined, cast.as.icrc, cast.as.party, cast.as.opposition].map((cookie) =>
      readEventStream(base, viewerHeaders(cookie)),
    ),
  );
  const file = csvOf(templateHeader, [
    personRow(1, { given_latin: secretName, given_ar: secretArabic, mother_latin: secretName }),
    personRow(2, { given_latin: secretName, birth: "1/2/80" }),
    personRow(1, { given_latin: secretName, given_ar: secretArabic }),
  ]);
  for (const dryRun of ["true", "false", "false"]) {
    const response = await uploadList(cast, cast.as.party, file, { delegationId: cast.government, dryRun });
    answers.push(response.body);
  }
  // Errors with the name in the request: a bad mapping, a case with a name too long, the other side reading.
  answers.push(
    (
      await uploadList(cast, cast.as.party, file, {
        delegationId: cast.government,
        mapping: `{"given_latin":"no such column"}`,
      })
    ).body,
  );
  const created = await app.request({
    method: "POST",
    url: `/api/processes/${cast.fx.slug}/humanitarian/cases`,
    as: cast.as.party,
    payload: {
      delegationId: cast.government,
      kind: "missing",
      person: { latin: { given: secretName.repeat(20) } },
    },
  });
  answers.push(created.body);
  const duplicate = await app.request({
    method: "POST",
    url: `/api/processes/${cast.fx.slug}/humanitarian/cases`,
    as: cast.as.party,
    payload: { delegationId: cast.government, kind: "detained", person: { latin: { given: secretName } } },
  });
  expect(duplicate.statusCode, duplicate.body).toBe(201);
  const again = await app.request({
    method: "POST",
    url: `/api/processes/${cast.fx.slug}/humanitarian/cases`,
    as: cast.as.party,
    payload: { delegationId: cast.government, kind: "detained", person: { latin: { given: secretName } } },
  });
  expect(again.statusCode).toBe(409);
  answers.push(again.body);
  // The same name through the background job: its row (input, progress, result) and events hold none.
  const started = await app.request({
    method: "POST",
    url: `/api/processes/${cast.fx.slug}/humanitarian/list-imports?${new URLSearchParams({
      delegationId: cast.government,
      title: "By job",
      dryRun: "false",
    })}`,
    as: cast.as.party,
    headers: { "content-type": "text/csv" },
    payload: csvOf(templateHeader, [personRow(7, { given_latin: secretName, given_ar: secretArabic })]),
  });
  expect(started.statusCode, started.body).toBe(202);
  await app.deps.jobs.settled(started.json().jobId);
  await new Promise((resolve) => setTimeout(resolve, 500));
}, 120_000);

afterAll(async () => {
  for (const stream of streams) stream.close();
  await app?.close();
});

describe("personal data", () => {
  it("imported the list once: the preview answered the name to its uploader, the second upload was refused", () => {
    expect(JSON.parse(answers[0] ?? "{}").preview[0].person.latin.given).toBe(secretName);
    expect(JSON.parse(answers[1] ?? "{}")).toMatchObject({ valid: 1, rejected: 2, duplicates: 1 });
    expect(JSON.parse(answers[2] ?? "{}").error.code).toBe("list_already_imported");
  });

  it("is encrypted at rest: no raw table of the module holds a name in clear", async () => {
    for (const table of ["hum_cases", "hum_list_entries", "hum_case_status", "hum_lists"]) {
      const result = await app.database.db.execute(
        sql.raw(`select row_to_json(t)::text as row from ${table} t`),
      );
      const rows = (result as unknown as { rows: { row: string }[] }).rows;
      expect(rows.length, table).toBeGreaterThan(0);
      for (const { row } of rows) {
        expect(row).not.toContain(secretName);
        expect(row).not.toContain(secretArabic);
        expect(row).not.toContain("al-Khatib");
      }
    }
    const [sealed] = (
      (await app.database.db.execute(sql`select personal from hum_cases limit 1`)) as unknown as {
        rows: { personal: string }[];
      }
    ).rows;
    expect(sealed?.personal).toMatch(/^v1\.[A-Za-z0-9+/=]+$/);
  });

  it("never reaches the logs, the event streams, the outbox, the audit chain or an error answer", async () => {
    expect(lines.length).toBeGreaterThan(20);
    const places = {
      logs: lines.join("\n"),
      streams: streams.map((stream) => stream.text()).join("\n"),
      outbox: JSON.stringify(await app.deps.db.select().from(outbox)),
      audit: JSON.stringify(await app.deps.db.select().from(auditLog)),
      jobs: JSON.stringify(await app.deps.db.select().from(jobs)),
      errors: answers.slice(2).join("\n"),
    };
    expect(places.streams).toContain("humanitarian.list.import");
    expect(places.jobs).toContain("humanitarian.list-import");
    for (const [place, text] of Object.entries(places)) {
      expect(text, place).not.toContain(secretName);
      expect(text, place).not.toContain(secretArabic);
    }
  });

  it("audits every read of a person's record, refusals too", async () => {
    const [list] = (
      await app.request({
        method: "GET",
        url: `/api/processes/${cast.fx.slug}/humanitarian/lists`,
        as: cast.as.icrc,
      })
    ).json().lists;
    const readBy = async (as: string | undefined) =>
      (await app.request({ method: "GET", url: `/api/humanitarian/lists/${list.id}`, as })).statusCode;
    expect(await readBy(cast.as.icrc)).toBe(200);
    expect(await readBy(cast.as.party)).toBe(200);
    expect(await readBy(cast.as.opposition)).toBe(404);
    expect(await readBy(cast.as.guarantor)).toBe(404);
    expect(await readBy(undefined)).toBe(404);
    const entries = await app.deps.db
      .select({ actor: auditLog.actorLabel, outcome: auditLog.outcome, data: auditLog.data })
      .from(auditLog)
      .where(and(eq(auditLog.action, "humanitarian.list.get"), eq(auditLog.subjectId, list.id)));
    expect(entries.map((entry) => `${entry.actor} ${entry.outcome}`)).toEqual([
      "icrc@example.org ok",
      "party@example.org ok",
      "syrian-opposition@example.org denied",
      "guarantor@example.org denied",
      "anonymous denied",
    ]);
    expect(entries[0]?.data).toMatchObject({ read: true, shown: 1 });
  });
});

describe("the personal-data key", () => {
  it("is required in production, with a clear start-up error naming the variables", () => {
    expect(() =>
      loadConfig({
        NODE_ENV: "production",
        SESSION_SECRET: "x".repeat(40),
        DATA_DIR: "/tmp/astana-hum-prod",
      }),
    ).toThrow(ConfigError);
    try {
      loadConfig({
        NODE_ENV: "production",
        SESSION_SECRET: "x".repeat(40),
        DATA_DIR: "/tmp/astana-hum-prod",
      });
    } catch (error) {
      expect((error as ConfigError).message).toContain(
        "ASTANA_PERSONAL_DATA_KEY or ASTANA_PERSONAL_DATA_KEY_FILE: required in production",
      );
      expect((error as ConfigError).variables).toContain("ASTANA_PERSONAL_DATA_KEY");
    }
    const key = Buffer.alloc(32, 7).toString("base64");
    const config = loadConfig({
      NODE_ENV: "production",
      SESSION_SECRET: "x".repeat(40),
      DATA_DIR: "/tmp/astana-hum-prod",
      ASTANA_PERSONAL_DATA_KEY: key,
    });
    expect(config.personalDataKey.equals(Buffer.alloc(32, 7))).toBe(true);
    expect(() =>
      loadConfig({
        SESSION_SECRET: "x".repeat(40),
        DATA_DIR: "/tmp/astana-hum-prod",
        ASTANA_PERSONAL_DATA_KEY: "c2hvcnQ=",
      }),
    ).toThrow(/32 random bytes/);
  });

  it("is generated once beside the database directory in development, and read back the same", () => {
    const dataDir = `/tmp/astana-hum-dev-${process.pid}`;
    const first = loadPersonalDataKey({ dataDir, production: false });
    expect(loadPersonalDataKey({ dataDir, production: false }).equals(first)).toBe(true);
    expect(
      loadConfig({ SESSION_SECRET: "x".repeat(40), DATA_DIR: dataDir }).personalDataKey.equals(first),
    ).toBe(true);
  });
});
