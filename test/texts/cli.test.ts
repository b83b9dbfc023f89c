// `astana texts …` on the demonstration record: open a text from a file, list the round's texts, export it.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cliWithDataDir } from "../helpers/cli.ts";
import { earlierStatement } from "./helpers.ts";

const { dataDir, astana } = cliWithDataDir("astana-texts-cli-", { DEMO: "on" });

describe("astana texts", () => {
  it("imports a statement from a file, lists it and exports it numbered", async () => {
    const file = path.join(dataDir, "statement.txt");
    writeFileSync(file, earlierStatement);
    const imported = await astana([
      "texts",
      "import",
      "22",
      "--process",
      "astana",
      "--title",
      "Draft of round 22",
      "--file",
      file,
      "--json",
    ]);
    expect(imported.code, imported.stderr).toBe(0);
    const created = JSON.parse(imported.stdout) as { id: string; paragraphs: number };
    expect(created.paragraphs).toBe(8);
    const listed = await astana(["texts", "list", "22", "--process", "astana"]);
    expect(listed.stdout).toContain("Draft of round 22");
    expect(listed.stdout).toContain("draft");
    const exported = await astana(["texts", "export", created.id]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain(
      "2. Emphasized the importance of the Constitutional Committee in Geneva.",
    );
    const missing = await astana([
      "texts",
      "import",
      "22",
      "--process",
      "astana",
      "--title",
      "X",
      "--file",
      path.join(dataDir, "none.txt"),
    ]);
    expect(missing.code).toBe(2);
  }, 180_000);
});
