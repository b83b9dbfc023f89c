// `astana humanitarian …` on the demonstration record: a side's list previewed then imported from disk,
// the same file refused the second time, cases read, a status recorded, and the record's exchanges.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cliWithDataDir } from "../helpers/cli.ts";
import { csvOf, personRow, templateHeader } from "./helpers.ts";

const { dataDir, astana } = cliWithDataDir("astana-humanitarian-cli-", { DEMO: "on" });

describe("astana humanitarian", () => {
  it("previews and imports a side's list, refuses it twice, and reads cases and exchanges", async () => {
    const file = path.join(dataDir, "government.csv");
    writeFileSync(
      file,
      csvOf(templateHeader, [personRow(1), personRow(2), personRow(3, { birth: "1/2/80" })]),
    );
    const base = [
      "humanitarian",
      "list-upload",
      "--process",
      "astana",
      "--side",
      "syrian-government",
      "--file",
      file,
    ];
    const preview = await astana([...base, "--dry-run"]);
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stdout).toContain("Preview (nothing written): 3 rows, 2 valid, 1 rejected");
    expect(preview.stdout).toContain("row 4 rejected: birth ambiguous_date");
    const imported = await astana([...base, "--day-month", "day_first", "--json"]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      dryRun: false,
      valid: 3,
      casesCreated: 3,
      encoding: "utf-8",
    });
    const again = await astana(base);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain("already uploaded");
    const cases = await astana([
      "humanitarian",
      "cases",
      "--process",
      "astana",
      "--side",
      "syrian-government",
      "--json",
    ]);
    expect(cases.code, cases.stderr).toBe(0);
    const list = JSON.parse(cases.stdout);
    expect(list.total).toBe(3);
    const caseId: string = list.cases[0].id;
    const located = await astana([
      "humanitarian",
      "case-status",
      caseId,
      "--status",
      "located",
      "--evidence",
      "ICRC visit",
    ]);
    expect(located.code, located.stderr).toBe(0);
    const shown = await astana(["humanitarian", "case", caseId]);
    expect(shown.stdout).toContain("located by system:cli: ICRC visit");
    const exchanges = await astana(["humanitarian", "exchanges", "--process", "astana"]);
    expect(exchanges.code, exchanges.stderr).toBe(0);
    expect(exchanges.stdout).toContain("2018-11-24");
    expect(exchanges.stdout.trim().split("\n")).toHaveLength(7);
  }, 180_000);
});
