// Reading an XLSX's first sheet as it streams in (platform/xlsx-rows.ts): every row of a workbook
// ExcelJS wrote, its shared strings read whole (a character cut between two chunks stays whole), its
// dates as dates (ExcelJS's own streaming reader garbled 4 of these 3,000 Arabic names), also while the
// server's thread pool is busy (the flake of issue 18's bad-input test came under load) — and what is
// no workbook refused with a reason that names no content.
import { pbkdf2 } from "node:crypto";
import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { installPersonalDataKey } from "../../src/server/platform/personal-data.ts";
import { XlsxUnreadable, xlsxFirstSheetRows } from "../../src/server/platform/xlsx-rows.ts";

beforeAll(() => installPersonalDataKey(Buffer.alloc(32, 3)));

/** A workbook as ExcelJS writes it (its sheet before its shared strings, `workbook.xml` last). */
async function workbookOf(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("List");
  for (const row of rows) sheet.addRow(row);
  workbook.addWorksheet("Notes").addRow(["not read"]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function* inChunks(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.byteLength; at += size) yield bytes.subarray(at, at + size);
}

async function cellsOf(bytes: Buffer, chunk = 64 * 1024): Promise<unknown[][]> {
  const rows: unknown[][] = [];
  for await (const row of xlsxFirstSheetRows(inChunks(bytes, chunk)))
    rows.push(Array.isArray(row.values) ? row.values.slice(1) : []);
  return rows;
}

const ownTemporaryFiles = async () =>
  (await readdir(tmpdir())).filter((name) => name.startsWith("astana-xlsx-")).length;

describe("the first sheet of an XLSX", () => {
  it("reads every row, Arabic names whole and dates as dates, and leaves no temporary file", async () => {
    const before = await ownTemporaryFiles();
    const names = Array.from({ length: 3000 }, (_, n) => `محمد أحمد الخطيب ${n} عبد الله`);
    const born = new Date(Date.UTC(1985, 4, 6));
    const bytes = await workbookOf([["الاسم", "Born"], ...names.map((name) => [name, born])]);
    // Tiny chunks too: the zip's parts arrive cut anywhere.
    for (const chunk of [7, 64 * 1024]) {
      const rows = await cellsOf(bytes, chunk);
      expect(rows).toHaveLength(names.length + 1);
      expect(rows.slice(1).map((row) => row[0])).toEqual(names);
      expect(rows.flat().some((cell) => typeof cell === "string" && cell.includes("\uFFFD"))).toBe(false);
      expect(rows[1]?.[1]).toEqual(born);
    }
    expect(await ownTemporaryFiles()).toBe(before);
  });

  it("reads a valid workbook while the thread pool is busy", async () => {
    const bytes = await workbookOf([
      ["الاسم", "Name"],
      ["خالد", "Khaled"],
      ["سامر", "Samer"],
    ]);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      // Every thread of the pool busy for a moment: file writes and reads wait behind them.
      const busy = Array.from(
        { length: 8 },
        () => new Promise((resolve) => pbkdf2("x", "y", 150_000, 32, "sha256", resolve)),
      );
      const rows = await cellsOf(bytes);
      await Promise.all(busy);
      expect(rows).toEqual([
        ["الاسم", "Name"],
        ["خالد", "Khaled"],
        ["سامر", "Samer"],
      ]);
    }
  });

  it("refuses what is not a workbook, saying why without its content", async () => {
    const refusal = async (bytes: Buffer) => {
      try {
        await cellsOf(bytes);
      } catch (error) {
        return error;
      }
      return null;
    };
    const notZip = await refusal(Buffer.from("PK not a zip, محمد"));
    expect(notZip).toBeInstanceOf(XlsxUnreadable);
    expect((notZip as XlsxUnreadable).reason).not.toContain("محمد");
    const good = await workbookOf([["given_ar"], ["محمد"]]);
    const cut = await refusal(good.subarray(0, Math.floor(good.byteLength / 2)));
    expect(cut).toBeInstanceOf(XlsxUnreadable);
    const reasons = [notZip, cut].map((error) => (error as XlsxUnreadable).reason);
    for (const reason of reasons) expect(reason).toMatch(/^[\w ().,/-]+$/);
  });
});
