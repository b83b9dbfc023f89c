import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exitCodes } from "../../src/cli/common.ts";
import { answer, astana } from "./run.ts";

const dataDir = mkdtempSync(path.join(tmpdir(), "astana-cli-demo-"));
const env = { DATA_DIR: path.join(dataDir, "data"), DEMO: "on" };

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe("reads for scripts against the demonstration record", () => {
  it("shows round 22, the plan changes and the attendance as the API answers them", {
    timeout: 300_000,
  }, async () => {
    // The first command on an empty database with DEMO on loads the record, as the server's first start does.
    const round = await astana(env, ["rounds", "show", "22", "--process", "astana", "--json"]);
    expect(round.stderr).toContain("Loaded the demonstration record");
    expect(answer(round)).toMatchObject({
      number: 22,
      status: "concluded",
      startDate: "2024-11-11",
      endDate: "2024-11-12",
      city: "Astana",
    });

    const conflicts = answer(await astana(env, ["conflicts", "--kind", "plan_changed", "--json"])) as {
      items: { kind: string; subject: { label: string } }[];
    };
    expect(conflicts.items.length).toBeGreaterThan(0);
    expect(conflicts.items.every((item) => item.kind === "plan_changed")).toBe(true);
    expect(conflicts.items.map((item) => item.subject.label).join("\n")).toContain(
      "20th International Meeting",
    );

    // Text for a person: the United States' row shows it boycotting the last rounds.
    const attendance = await astana(env, ["attendance"]);
    expect(attendance.code, attendance.stderr).toBe(exitCodes.ok);
    expect(attendance.stdout).toMatch(/^US\s.*B\s+B\s*$/m);

    const missing = await astana(env, ["rounds", "show", "99", "--json"]);
    expect(missing.code).toBe(exitCodes.refused);
    expect(missing.stderr).toContain("not_found");
  });

  it("answers --help at once and names each command's operation", async () => {
    const help = await astana(env, ["rounds", "update", "--help"]);
    expect(help.code).toBe(exitCodes.ok);
    expect(help.stdout).toContain("core.round.update");
    expect(help.stdout).toContain("--version <n>");
    const usage = await astana(env, ["rounds", "show", "--number", "twenty"]);
    expect(usage.code).toBe(exitCodes.usage);
  });
});
