// Every fixed translation key the follow-up pages ask for exists in English, Russian and Arabic: a key
// missing from a file is drawn as the key itself ("import.cancel" on the import page's Cancel button,
// which a browser test looking for "Cancel the import" then never found).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const moduleDir = fileURLToPath(new URL("../../src/web/modules/followup", import.meta.url));
const locales = ["en", "ru", "ar"] as const;

/** Every leaf key of a locale file, with plural endings folded ("importValid_one" → "importValid"). */
function keysOf(value: unknown, prefix = ""): string[] {
  if (!value || typeof value !== "object")
    return [prefix.slice(0, -1).replace(/_(zero|one|two|few|many|other)$/, "")];
  return Object.entries(value).flatMap(([key, inner]) => keysOf(inner, `${prefix}${key}.`));
}

/** The keys written whole in `t("…")` and `t(\`…\`)` calls of the module's pages (not those built from values). */
function keysAskedFor(): Map<string, string> {
  const asked = new Map<string, string>();
  for (const file of readdirSync(moduleDir).filter(
    (name) => /\.tsx?$/.test(name) && !name.endsWith(".test.ts"),
  )) {
    const source = readFileSync(path.join(moduleDir, file), "utf8");
    for (const match of source.matchAll(/\bt\(\s*(?:"([^"]+)"|`([^`$]+)`)/g)) {
      const key = match[1] ?? match[2] ?? "";
      if (!key.includes(":")) asked.set(key, file);
    }
  }
  return asked;
}

describe("the follow-up pages' translations", () => {
  const asked = keysAskedFor();

  it("finds the keys the pages ask for", () => {
    expect(asked.size).toBeGreaterThan(200);
    expect(asked.get("import.cancel")).toBe("ImportPage.tsx");
  });

  for (const locale of locales)
    it(`has every key the pages ask for in ${locale}`, () => {
      const file = JSON.parse(readFileSync(path.join(moduleDir, "locales", `${locale}.json`), "utf8"));
      const keys = new Set(keysOf(file));
      const missing = [...asked].filter(([key]) => !keys.has(key)).map(([key, page]) => `${page}: ${key}`);
      expect(missing).toEqual([]);
    });
});
