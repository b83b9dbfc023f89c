// Bad lists, each a clear report and nothing half-imported: a file in Windows-1256, mixed scripts in one
// field, dates like 1/2/80 and ١٩٨٠, duplicated rows, the same list twice (409), an XLSX with its own
// column names mapped onto ours, a file that is not a list, a file over the HTTP limit (413).
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { readDate } from "../../src/server/modules/humanitarian/dates.ts";
import { countRows } from "../helpers/process-fixtures.ts";
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
const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const upload = (body: string | Buffer, query: Record<string, string> = {}, type = "text/csv") =>
  uploadList(cast, cast.as.party, body, { delegationId: cast.government, dryRun: "true", ...query }, type);

/** Windows-1256 bytes of a text (Node decodes the code page but does not encode it), by table. The code page has no
 * Eastern Arabic digits: such files write years in Western digits. */
function windows1256(text: string): Buffer {
  const decoder = new TextDecoder("windows-1256");
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte += 1) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Buffer.from([...text].map((char) => table.get(char) ?? 63));
}

beforeAll(() => undefined);

describe("dates", () => {
  it("reads days, years and Eastern Arabic digits; refuses an ambiguous day/month unless told the order", () => {
    const today = new Date("2026-12-07");
    expect(readDate("1980-02-01", "refuse", today)).toEqual({ kind: "day", day: "1980-02-01" });
    expect(readDate("١٩٨٠", "refuse", today)).toEqual({ kind: "year", year: 1980 });
    expect(readDate("1/2/80", "refuse", today)).toEqual({ kind: "error", code: "ambiguous_date" });
    expect(readDate("1/2/80", "day_first", today)).toMatchObject({ kind: "day", day: "1980-02-01" });
    expect(readDate("1/2/80", "month_first", today)).toMatchObject({ kind: "day", day: "1980-01-02" });
    expect(readDate("13/2/80", "refuse", today)).toEqual({ kind: "day", day: "1980-02-13" });
    expect(readDate("٢/٢/١٩٨٠", "refuse", today)).toEqual({ kind: "day", day: "1980-02-02" });
    expect(readDate("05", "refuse", today)).toEqual({ kind: "error", code: "invalid_date" });
    expect(readDate("31/2/1980", "refuse", today)).toEqual({ kind: "error", code: "invalid_date" });
    expect(readDate("2031", "refuse", today)).toEqual({ kind: "error", code: "invalid_year" });
    expect(readDate("1/2/24", "day_first", today)).toMatchObject({ day: "2024-02-01" });
  });
});

describe("a list with bad rows", () => {
  it("decodes Windows-1256 and says so", async () => {
    const text = csvOf(
      ["given_ar", "family_ar", "birth"],
      [
        ["محمد", "الحلبي", "1980"],
        ["علي", "السوري", "1981"],
      ],
    );
    const response = await upload(windows1256(text));
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({ encoding: "windows-1256", rows: 2, valid: 2, rejected: 0 });
    expect(report.preview[0].person.arabic).toMatchObject({ given: "محمد", family: "الحلبي" });
    expect(report.preview[1].person.birthYear).toBe(1981);
  });

  it("reports each rejected and flagged row by field and code, never by value", async () => {
    const rows = [
      personRow(1),
      personRow(2, { birth: "1/2/80" }),
      personRow(3, { birth: "١٩٨٠" }),
      personRow(1),
      personRow(4, { given_ar: "محمد Mohammed" }),
      personRow(5, { sex: "x" }),
      personRow(6, {
        given_ar: "",
        father_ar: "",
        family_ar: "",
        mother_ar: "",
        given_latin: "",
        father_latin: "",
        family_latin: "",
      }),
      personRow(7, { family_latin: "الخطيب" }),
    ];
    const response = await upload(csvOf(templateHeader, rows));
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({
      dryRun: true,
      listId: null,
      rows: 8,
      valid: 4,
      rejected: 4,
      duplicates: 1,
      flagged: 2,
    });
    const rejected = Object.fromEntries(
      report.rejectedRows.map((row: { row: number; findings: { field: string; code: string }[] }) => [
        row.row,
        row.findings.map((f) => `${f.field}:${f.code}`),
      ]),
    );
    expect(rejected).toEqual({
      3: ["birth:ambiguous_date"],
      5: ["row:duplicate_row"],
      7: ["sex:invalid_sex"],
      8: ["name:required"],
    });
    expect(report.rejectedRows[1].findings[0].ref).toBe(2);
    const flagged = report.flaggedRows.map((row: { row: number; findings: { code: string }[] }) => [
      row.row,
      row.findings[0]?.code,
    ]);
    expect(flagged).toEqual([
      [6, "mixed_scripts"],
      [9, "wrong_script"],
    ]);
    expect(JSON.stringify(report.rejectedRows)).not.toContain("Mohammed");
    expect(report.preview[2].person.birthYear).toBe(1980);
    expect(await countRows(cast.app, "hum_lists")).toBe(0);
  });

  it("imports the valid rows in one go, refuses the same list twice with 409, and writes nothing the second time", async () => {
    const file = csvOf(templateHeader, [personRow(11), personRow(12), personRow(11)]);
    const first = await upload(file, { dryRun: "false", title: "Government list 7" });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ valid: 2, casesCreated: 2, duplicates: 1 });
    const counts = {
      lists: await countRows(cast.app, "hum_lists"),
      entries: await countRows(cast.app, "hum_list_entries"),
      cases: await countRows(cast.app, "hum_cases"),
    };
    for (const dryRun of ["true", "false"]) {
      const again = await upload(file, { dryRun, title: "Government list 7, again" });
      expect(again.statusCode).toBe(409);
      expect(again.json().error).toMatchObject({
        code: "list_already_imported",
        details: { listId: first.json().listId },
      });
    }
    // A different file naming a person already registered links to that case: no duplicate case.
    const overlap = await upload(csvOf(templateHeader, [personRow(12), personRow(13)]), { dryRun: "false" });
    expect(overlap.json()).toMatchObject({ valid: 2, casesCreated: 1, flagged: 1 });
    expect(overlap.json().flaggedRows[0].findings[0]).toMatchObject({ code: "already_a_case" });
    expect(await countRows(cast.app, "hum_lists")).toBe(counts.lists + 1);
    expect(await countRows(cast.app, "hum_list_entries")).toBe(counts.entries + 2);
    expect(await countRows(cast.app, "hum_cases")).toBe(counts.cases + 1);
  });

  it("maps an XLSX's own columns onto ours", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Detainees");
    sheet.addRow(["الاسم", "اسم الأب", "الكنية", "Name", "Surname", "Date of birth", "Notes"]);
    sheet.addRow(["خالد", "عمر", "الأحمد", "Khaled", "al-Ahmad", new Date(Date.UTC(1985, 4, 6)), "x"]);
    sheet.addRow(["سامر", "", "النجار", "Samer", "al-Najjar", "1/2/80", ""]);
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    const mapping = JSON.stringify({
      given_ar: "الاسم",
      father_ar: "اسم الأب",
      family_ar: "الكنية",
      given_latin: "Name",
      family_latin: "Surname",
      birth: "date of birth",
    });
    const response = await upload(body, { mapping, dayMonth: "day_first" }, xlsxType);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report.rejectedRows).toEqual([]);
    expect(report).toMatchObject({ format: "xlsx", rows: 2, valid: 2, unmappedColumns: ["Notes"] });
    expect(report.preview[0].person).toMatchObject({
      arabic: { given: "خالد", father: "عمر", family: "الأحمد" },
      latin: { given: "Khaled", family: "al-Ahmad" },
      birthDate: "1985-05-06",
    });
    expect(report.flaggedRows[0].findings[0]).toMatchObject({ field: "birth", code: "ambiguous_date" });
    const unknown = await upload(body, { mapping: JSON.stringify({ given_ar: "First name" }) }, xlsxType);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe("unknown_column");
  });

  it("refuses what is not a list: no name column, an empty file, a broken workbook, bad mapping JSON, another media type", async () => {
    const cases: [string | Buffer, Record<string, string>, string, number, string][] = [
      ["a,b\n1,2\n", {}, "text/csv", 400, "no_name_columns"],
      ["", {}, "text/csv", 400, "empty_file"],
      [Buffer.from("PK not a zip"), {}, xlsxType, 400, "invalid_xlsx"],
      ["given_ar\nx\n", { mapping: "{not json" }, "text/csv", 400, "invalid_mapping"],
      ["given_ar\nx\n", {}, "application/pdf", 415, "unsupported_media_type"],
    ];
    for (const [body, query, type, status, code] of cases) {
      const response = await upload(body, query, type);
      expect(response.statusCode, `${code}: ${response.body}`).toBe(status);
      expect(response.json().error.code).toBe(code);
    }
  });

  it("refuses a file over the HTTP limit with 413 (the CLI streams any size)", async () => {
    const response = await cast.app.request({
      method: "POST",
      url: `/api/processes/${cast.fx.slug}/humanitarian/lists?delegationId=${cast.government}&title=Big`,
      as: cast.as.party,
      payload: "given_ar\n",
      headers: { "content-type": "text/csv", "content-length": String(64 * 1024 * 1024) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe("file_too_large");
  });

  it("refuses the other side uploading in the government's name, and the public", async () => {
    const file = csvOf(templateHeader, [personRow(21)]);
    const other = await uploadList(cast, cast.as.opposition, file, { delegationId: cast.government });
    expect(other.statusCode).toBe(403);
    const observer = await uploadList(cast, cast.as.observer, file, { delegationId: cast.government });
    expect(observer.statusCode).toBe(403);
    const anonymous = await uploadList(cast, undefined, file, { delegationId: cast.government });
    expect(anonymous.statusCode).toBe(401);
    const notASide = await uploadList(cast, cast.as.guarantor, file, {
      delegationId: cast.fx.delegationOf.russia ?? "",
    });
    expect(notASide.statusCode).toBe(422);
  });
});
