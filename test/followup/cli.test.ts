// `astana followup import-acled --file x.csv [--dry-run]` and `astana followup report` on the
// demonstration record: the dry run writes nothing, the import attributes to the demonstration's Idlib zone.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cliWithDataDir } from "../helpers/cli.ts";
import { acledCsv, acledRow } from "./helpers.ts";

const { dataDir, astana } = cliWithDataDir("astana-followup-cli-", { DEMO: "on" });

describe("astana followup", () => {
  it("imports an ACLED file (dry run first) and reports round 22", async () => {
    const file = path.join(dataDir, "acled.csv");
    writeFileSync(
      file,
      acledCsv([
        acledRow({ event_id_cnty: "SYR9001", event_date: "2024-03-10" }),
        acledRow({ event_id_cnty: "SYR9002", event_date: "2024-31-03" }),
      ]),
    );
    const dry = await astana([
      "followup",
      "import-acled",
      "--process",
      "astana",
      "--file",
      file,
      "--dry-run",
    ]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(
      "Dry run (nothing written): 2 rows, 1 valid, 1 rejected, 1 zone attributions.",
    );
    expect(dry.stdout).toMatch(/line 3 \(SYR9002\): event_date/);
    const done = await astana(["followup", "import-acled", "--process", "astana", "--file", file, "--json"]);
    expect(done.code, done.stderr).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ dryRun: false, inserted: 1, attributed: 1 });
    const missing = await astana([
      "followup",
      "import-acled",
      "--process",
      "astana",
      "--file",
      path.join(dataDir, "none.csv"),
    ]);
    expect(missing.code).toBe(2);
    const report = await astana(["followup", "report", "22", "--process", "astana"]);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain("Round 22");
  }, 180_000);

  it("exports the zones as GeoJSON and takes them back, and reports a bulk status file", async () => {
    const zonesFile = path.join(dataDir, "zones.geojson");
    const exported = await astana(["followup", "zones-export", "--process", "astana", "--file", zonesFile]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain("4 zones written");
    const reimport = await astana(["followup", "zones-import", "--process", "astana", "--file", zonesFile]);
    expect(reimport.code, reimport.stderr).toBe(0);
    expect(reimport.stdout).toContain(
      "Dry run (nothing written): 4 features, 0 new zones, 4 updated, 0 rejected.",
    );
    const statuses = path.join(dataDir, "statuses.csv");
    writeFileSync(statuses, "external_id,status\nNO-SUCH,met\n");
    const updated = await astana([
      "followup",
      "update-commitments",
      "--process",
      "astana",
      "--file",
      statuses,
    ]);
    expect(updated.code, updated.stderr).toBe(0);
    expect(updated.stdout).toContain("1 unknown ids");
    expect(updated.stdout).toContain("line 2 NO-SUCH: no such commitment");
  }, 300_000);
});
