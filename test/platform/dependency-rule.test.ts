import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The rule of .dependency-cruiser.cjs run on a tiny project tree laid out like ours, once clean and
// then with one forbidden import added at a time: each must make depcruise exit non-zero.

const repository = process.cwd();
const depcruise = path.join(
  repository,
  "node_modules",
  "dependency-cruiser",
  "bin",
  "dependency-cruiser.mjs",
);
let tree: string;

function write(file: string, content: string): void {
  const full = path.join(tree, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, content);
}

function cruise(): { code: number | null; output: string } {
  const result = spawnSync(
    process.execPath,
    [depcruise, "src", "--config", path.join(repository, ".dependency-cruiser.cjs"), "--output-type", "err"],
    { cwd: tree, encoding: "utf8", timeout: 60_000 },
  );
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

beforeAll(() => {
  tree = mkdtempSync(path.join(os.tmpdir(), "astana-depcruise-"));
  write("src/server/modules/core/index.ts", 'export { coreThing } from "./internal.ts";\n');
  write(
    "src/server/modules/core/internal.ts",
    'import { shared } from "../../platform/shared.ts";\nexport const coreThing = shared;\n',
  );
  write("src/server/modules/texts/index.ts", 'export { textsThing } from "./internal.ts";\n');
  write(
    "src/server/modules/texts/internal.ts",
    'import { coreThing } from "../core/index.ts";\nimport { Contract } from "../../../contracts/contract.ts";\nexport const textsThing = [coreThing, Contract];\n',
  );
  write("src/server/platform/shared.ts", "export const shared = 1;\n");
  write(
    "src/server/modules/record/internal.ts",
    'import { coreThing } from "../core/index.ts";\nexport const recordThing = coreThing;\n',
  );
  write("src/server/modules/record/index.ts", 'export { recordThing } from "./internal.ts";\n');
  write(
    "src/server/modules.ts",
    'import { recordThing } from "./modules/record/index.ts";\nimport { textsThing } from "./modules/texts/index.ts";\nexport const modules = [recordThing, textsThing];\n',
  );
  write("src/cli/main.ts", 'import { modules } from "../server/modules.ts";\nexport const main = modules;\n');
  write("src/web/modules/process/page.ts", "export const processPage = 3;\n");
  write(
    "src/web/app/routes.ts",
    'import { processPage } from "../modules/process/page.ts";\nexport const routes = [processPage];\n',
  );
  write("src/web/shell/layout.ts", "export const layout = 4;\n");
  write("src/contracts/contract.ts", "export const Contract = 2;\n");
  write(
    "src/web/page.ts",
    'import { Contract } from "../contracts/contract.ts";\nexport const page = Contract;\n',
  );
});
afterAll(() => {
  if (tree) rmSync(tree, { recursive: true, force: true });
});

describe("the dependency rule", () => {
  it("passes a tree that follows it (imports through index.ts, record on core, shells on the module lists, contracts shared)", () => {
    const result = cruise();
    expect(result.code, result.output).toBe(0);
  });

  const violations: [rule: string, file: string, content: string][] = [
    [
      "module-through-index",
      "src/server/modules/texts/deep.ts",
      'import { coreThing } from "../core/internal.ts";\nexport const deep = coreThing;\n',
    ],
    [
      "core-imports-no-module",
      "src/server/modules/core/uses-texts.ts",
      'import { textsThing } from "../texts/index.ts";\nexport const usesTexts = textsThing;\n',
    ],
    [
      "record-imports-only-core",
      "src/server/modules/record/uses-texts.ts",
      'import { textsThing } from "../texts/index.ts";\nexport const usesTexts = textsThing;\n',
    ],
    [
      "cli-imports-no-module",
      "src/cli/knows-core.ts",
      'import { coreThing } from "../server/modules/core/index.ts";\nexport const knowsCore = coreThing;\n',
    ],
    [
      "web-shell-imports-no-module",
      "src/web/shell/knows-process.ts",
      'import { processPage } from "../modules/process/page.ts";\nexport const knowsProcess = processPage;\n',
    ],
    [
      "platform-imports-no-module",
      "src/server/platform/knows-core.ts",
      'import { coreThing } from "../modules/core/index.ts";\nexport const knowsCore = coreThing;\n',
    ],
    [
      "web-not-to-server",
      "src/web/reaches-server.ts",
      'import { shared } from "../server/platform/shared.ts";\nexport const reaches = shared;\n',
    ],
    [
      "contracts-stand-alone",
      "src/contracts/needs-server.ts",
      'import { shared } from "../server/platform/shared.ts";\nexport const needs = shared;\n',
    ],
    [
      "no-circular",
      "src/server/platform/loop-a.ts",
      'import { b } from "./loop-b.ts";\nexport const a = () => b;\n',
    ],
    [
      "not-to-unresolvable",
      "src/server/platform/typo.ts",
      'import { x } from "./no-such-file.ts";\nexport const y = x;\n',
    ],
  ];

  it.each(violations)("fails with %s when a file breaks it", (rule, file, content) => {
    write(file, content);
    if (rule === "no-circular")
      write("src/server/platform/loop-b.ts", 'import { a } from "./loop-a.ts";\nexport const b = () => a;\n');
    try {
      const result = cruise();
      expect(result.code, result.output).not.toBe(0);
      expect(result.output).toContain(rule);
    } finally {
      rmSync(path.join(tree, file));
      if (rule === "no-circular") rmSync(path.join(tree, "src/server/platform/loop-b.ts"));
    }
  });
});
