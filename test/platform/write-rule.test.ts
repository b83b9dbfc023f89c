import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findTableWrites } from "../../scripts/check-writes.ts";

// The write rule of scripts/check-writes.ts (run by `npm run check`): a table write outside a
// module's operations/ (and the short allow-list) fails. Checked on this repository, then on a tiny
// tree laid out like ours, clean and with one write added at a time.

const repository = process.cwd();
let tree: string;

function write(file: string, content: string): void {
  const full = path.join(tree, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, content);
}

beforeAll(() => {
  tree = mkdtempSync(path.join(os.tmpdir(), "astana-writes-"));
  write(
    "src/server/modules/texts/operations/adopt-text.ts",
    "export const adopt = (tx: any, texts: any) => tx.insert(texts).values({ id: 1 });\n",
  );
  write(
    "src/server/modules/texts/demo/part.ts",
    "export const load = (tx: any, texts: any) => tx.delete(texts).where(true);\n",
  );
  write(
    "src/server/modules/texts/reads/list-texts.ts",
    [
      "// A read may say it never does insert into texts, or delete from them: comments are prose.",
      "export const list = (db: any, texts: any, seen: Map<string, number>) => {",
      '  seen.delete("key");',
      "  return db.select().from(texts);",
      "};",
      "",
    ].join("\n"),
  );
});
afterAll(() => {
  if (tree) rmSync(tree, { recursive: true, force: true });
});

describe("the write rule", () => {
  it("finds no table write outside an operation in this repository", () => {
    expect(findTableWrites(repository)).toEqual([]);
  });

  it("passes a tree whose writes are all in operations/ or a demonstration part", () => {
    expect(findTableWrites(tree)).toEqual([]);
  });

  const violations: [what: string, file: string, content: string][] = [
    [
      "a drizzle insert in a read",
      "src/server/modules/texts/reads/sneaky.ts",
      "export const f = (db: any, t: any) =>\n  db\n    .insert(t)\n    .values({});\n",
    ],
    [
      "a drizzle update in a route",
      "src/server/modules/texts/routes.ts",
      "export const f = (db: any, t: any) => db.update(t).set({ a: 1 });\n",
    ],
    [
      "a drizzle delete in the platform",
      "src/server/platform/cleanup.ts",
      "export const f = (tx: any, t: any) => tx.delete(t);\n",
    ],
    [
      "raw SQL in a module's policies",
      "src/server/modules/texts/policies.ts",
      'export const q = "DELETE FROM texts WHERE id = $1";\n',
    ],
    [
      "raw SQL in a template",
      "src/server/modules/texts/presenters.ts",
      "export const q = (sql: any) => sql`update texts set title = 'x'`;\n",
    ],
  ];

  it.each(violations)("fails on %s, naming the file and line", (_what, file, content) => {
    write(file, content);
    try {
      const found = findTableWrites(tree);
      expect(found.map((entry) => entry.file)).toEqual([file]);
      const result = spawnSync(
        process.execPath,
        [path.join(repository, "scripts", "check-writes.ts"), tree],
        {
          encoding: "utf8",
          timeout: 60_000,
        },
      );
      expect(result.status, result.stderr).toBe(1);
      expect(result.stderr).toContain(`${file}:`);
      expect(result.stderr).toContain("write-rule");
    } finally {
      rmSync(path.join(tree, file));
    }
  });
});
