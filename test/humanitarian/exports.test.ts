// Exports of persons (issue 18, item 5): a list, the cases, the review queue — as CSV and XLSX — each
// marked with the exporting account and the time, each audited (who, when, which list, how many
// persons), refusals too; the other side exports nothing of the first's.

import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../src/server/platform/schema.ts";
import {
  csvOf,
  type HumCast,
  personRow,
  templateHeader,
  uploadList,
  withHumanitarianCast,
} from "./helpers.ts";

let cast: HumCast;
withHumanitarianCast((ready) => {
  cast = ready;
});
let listId: string;

beforeAll(async () => {
  const rows = Array.from({ length: 5 }, (_, n) => personRow(n, { family_latin: `Exportfamily${n}` }));
  const uploaded = await uploadList(cast, cast.as.party, csvOf(templateHeader, rows), {
    delegationId: cast.government,
    title: "Export list",
  });
  expect(uploaded.statusCode, uploaded.body).toBe(200);
  listId = uploaded.json().listId;
});

const get = (url: string, as: string | undefined) => cast.app.request({ method: "GET", url, as });
const auditOf = (action: string) =>
  cast.app.deps.db
    .select({ actor: auditLog.actorLabel, outcome: auditLog.outcome, data: auditLog.data, at: auditLog.at })
    .from(auditLog)
    .where(eq(auditLog.action, action));

/** The CSV's records, its byte order mark dropped (cells are quoted, none holds a line break here). */
const csvLines = (body: string) =>
  body
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .map((line) => line.split('","').map((cell) => cell.replace(/^"|"$/g, "")));

describe("an export of a list", () => {
  it("is marked in CSV with the account and the time on its first line, and audited", async () => {
    const before = Date.now();
    const response = await get(`/api/humanitarian/lists/${listId}/export`, cast.as.party);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toContain("text/csv");
    expect(response.headers["content-disposition"]).toContain("list-export-list-");
    const [mark, blank, header, first] = csvLines(response.body);
    expect(mark?.slice(0, 3)).toEqual(["Exported by", "party@example.org", "at"]);
    const at = Date.parse(mark?.[3] ?? "");
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now());
    expect(mark?.[4]).toContain("Confidential");
    expect(blank).toEqual([""]);
    expect(header?.slice(0, 3)).toEqual(["row", "kind", "given_ar"]);
    expect(first).toContain("Exportfamily0");
    expect(
      csvLines(response.body).filter((line) => line.some((cell) => cell.startsWith("Exportfamily"))),
    ).toHaveLength(5);

    const [entry] = (await auditOf("humanitarian.list.export")).filter((e) => e.outcome === "ok");
    expect(entry).toMatchObject({ actor: "party@example.org", data: { format: "csv", persons: 5 } });
    expect((entry?.data as { exportedAt?: string } | undefined)?.exportedAt).toBe(mark?.[3]);
  });

  it("is marked in XLSX in its properties, its printed header and its first row", async () => {
    const response = await cast.app.request({
      method: "GET",
      url: `/api/humanitarian/lists/${listId}/export?format=xlsx`,
      as: cast.as.icrc,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.creator).toBe("icrc@example.org");
    expect(workbook.description).toMatch(/^Exported by icrc@example\.org at \d{4}-\d\d-\d\dT/);
    const sheet = workbook.worksheets[0];
    expect(String(sheet?.getRow(1).getCell(1).value)).toMatch(/^Exported by icrc@example\.org at /);
    expect(sheet?.headerFooter.oddHeader).toContain("icrc@example.org");
    expect(sheet?.getRow(2).getCell(1).value).toBe("row");
    expect(sheet?.rowCount).toBe(7);
    const entries = await auditOf("humanitarian.list.export");
    expect(entries.at(-1)).toMatchObject({ actor: "icrc@example.org", data: { format: "xlsx", persons: 5 } });
  });

  it("is refused to the other side (404) and the refusal audited", async () => {
    const response = await get(`/api/humanitarian/lists/${listId}/export`, cast.as.opposition);
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain("Exportfamily");
    const denied = await cast.app.deps.db
      .select({ actor: auditLog.actorLabel })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, "humanitarian.list.export"),
          eq(auditLog.outcome, "denied"),
          eq(auditLog.subjectId, listId),
        ),
      );
    expect(denied.map((entry) => entry.actor)).toContain("syrian-opposition@example.org");
  });
});

describe("an export of the cases", () => {
  it("holds the cases the reader may read, marked, and is audited with the count", async () => {
    const response = await get(`/api/processes/${cast.fx.slug}/humanitarian/cases/export`, cast.as.party);
    expect(response.statusCode, response.body).toBe(200);
    const lines = csvLines(response.body);
    expect(lines[0]?.slice(0, 2)).toEqual(["Exported by", "party@example.org"]);
    expect(lines[2]?.slice(0, 4)).toEqual(["case_id", "side", "kind", "status"]);
    expect(lines.filter((line) => line.some((cell) => cell.startsWith("Exportfamily")))).toHaveLength(5);
    const entries = await auditOf("humanitarian.case.export");
    expect(entries.at(-1)).toMatchObject({ actor: "party@example.org", data: { persons: 5, format: "csv" } });

    const other = await get(`/api/processes/${cast.fx.slug}/humanitarian/cases/export`, cast.as.opposition);
    expect(other.statusCode).toBe(200);
    expect(other.body).not.toContain("Exportfamily");
    expect(csvLines(other.body)[0]?.[1]).toBe("syrian-opposition@example.org");
    const naming = await get(
      `/api/processes/${cast.fx.slug}/humanitarian/cases/export?delegationId=${cast.government}`,
      cast.as.opposition,
    );
    expect(naming.statusCode).toBe(403);
  });
});

describe("an export of the review queue", () => {
  it("is the intermediary's, marked and audited; anyone else is refused and audited", async () => {
    const response = await get(
      `/api/processes/${cast.fx.slug}/humanitarian/review-queue/export`,
      cast.as.icrc,
    );
    expect(response.statusCode, response.body).toBe(200);
    const lines = csvLines(response.body);
    expect(lines[0]?.slice(0, 2)).toEqual(["Exported by", "icrc@example.org"]);
    expect(lines[2]?.[0]).toBe("candidate_id");
    const entries = await auditOf("humanitarian.review_queue.export");
    expect(entries.at(-1)).toMatchObject({
      actor: "icrc@example.org",
      data: { format: "csv", candidates: 0 },
    });
    const refused = await get(
      `/api/processes/${cast.fx.slug}/humanitarian/review-queue/export`,
      cast.as.party,
    );
    expect(refused.statusCode).toBe(403);
    const denied = (await auditOf("humanitarian.review_queue.read")).filter((e) => e.outcome === "denied");
    expect(denied.map((entry) => entry.actor)).toContain("party@example.org");
  });
});

describe("an export of a list of a few thousand rows", () => {
  it("streams every row in order, marked, as CSV and as XLSX, and audits the count", async () => {
    const count = 3000;
    const rows = Array.from({ length: count }, (_, n) =>
      personRow(10_000 + n, { family_latin: `Streamfamily${n}` }),
    );
    const uploaded = await uploadList(cast, cast.as.party, csvOf(templateHeader, rows), {
      delegationId: cast.government,
      title: "Streamed list",
    });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    const streamedId = uploaded.json().listId;

    const csv = await get(`/api/humanitarian/lists/${streamedId}/export`, cast.as.party);
    expect(csv.statusCode, csv.body).toBe(200);
    const [mark, header, ...records] = parse(csv.body, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
    expect(mark?.slice(0, 3)).toEqual(["Exported by", "party@example.org", "at"]);
    expect(header?.slice(0, 2)).toEqual(["row", "kind"]);
    expect(records).toHaveLength(count);
    // The file's row numbers (its header is row 1), in order, each with its own person.
    expect(records.map((record) => Number(record[0]))).toEqual(
      Array.from({ length: count }, (_, n) => n + 2),
    );
    expect(records[0]).toContain("Streamfamily0");
    expect(records.at(-1)).toContain(`Streamfamily${count - 1}`);
    const [csvAudit] = (await auditOf("humanitarian.list.export")).filter(
      (entry) => entry.outcome === "ok" && (entry.data as { persons?: number }).persons === count,
    );
    expect((csvAudit?.data as { exportedAt?: string } | undefined)?.exportedAt).toBe(mark?.[3]);

    const xlsx = await cast.app.request({
      method: "GET",
      url: `/api/humanitarian/lists/${streamedId}/export?format=xlsx`,
      as: cast.as.icrc,
    });
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.creator).toBe("icrc@example.org");
    const sheet = workbook.worksheets[0];
    expect(String(sheet?.getRow(1).getCell(1).value)).toMatch(/^Exported by icrc@example\.org at /);
    expect(sheet?.headerFooter.oddHeader).toContain("icrc@example.org");
    expect(sheet?.rowCount).toBe(count + 2);
    expect(sheet?.getRow(3).getCell(1).value).toBe(2);
    expect(sheet?.getRow(count + 2).values).toContain(`Streamfamily${count - 1}`);
    const entries = await auditOf("humanitarian.list.export");
    expect(entries.at(-1)).toMatchObject({
      actor: "icrc@example.org",
      data: { format: "xlsx", persons: count },
    });
  }, 120_000);
});
