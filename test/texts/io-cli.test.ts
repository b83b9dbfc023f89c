// `astana texts import --file x.docx` and `astana texts export --format …` on the demonstration record.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { cliWithDataDir } from "../helpers/cli.ts";
import { englishStatement, statementDocx } from "./io-helpers.ts";

const { dataDir, astana } = cliWithDataDir("astana-texts-io-cli-", { DEMO: "on" });

describe("astana texts import/export with files", () => {
  it("opens a text from a .docx under its own title and exports it as Word, PDF and clean text", async () => {
    const file = path.join(dataDir, "statement.docx");
    writeFileSync(file, await statementDocx(englishStatement));
    const imported = await astana(["texts", "import", "22", "--process", "astana", "--file", file, "--json"]);
    expect(imported.code, imported.stderr).toBe(0);
    const created = JSON.parse(imported.stdout) as { id: string; paragraphs: number };
    expect(created.paragraphs).toBe(6);
    const listed = await astana(["texts", "list", "22", "--process", "astana"]);
    expect(listed.stdout).toContain("Joint Statement on the 21st International Meeting on Syria");

    const out = path.join(dataDir, "out.docx");
    const word = await astana(["texts", "export", created.id, "--format", "docx", "--out", out]);
    expect(word.code, word.stderr).toBe(0);
    expect(word.stdout).toContain(`Wrote ${out}`);
    const text = (await mammoth.extractRawText({ buffer: readFileSync(out) })).value;
    expect(text).toContain("2.\tDecided to hold the next meeting in Astana.");

    const pdf = path.join(dataDir, "out.pdf");
    expect((await astana(["texts", "export", created.id, "--format", "pdf", "--out", pdf])).code).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    const clean = await astana(["texts", "export", created.id, "--format", "txt", "--view", "clean"]);
    expect(clean.code, clean.stderr).toBe(0);
    expect(clean.stdout).toContain("Clean text (agreed paragraphs)");
    const akn = await astana(["texts", "export", created.id, "--format", "akn"]);
    expect(akn.code).not.toBe(0);
    expect(akn.stderr).toContain("not been adopted");

    const bogus = path.join(dataDir, "bogus.docx");
    writeFileSync(bogus, "not a word file");
    const refused = await astana(["texts", "import", "22", "--process", "astana", "--file", bogus]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("not a Word document");
  }, 240_000);
});
