// The translation keys of the web app, to find one shown on a page instead of its text (a namespace
// not yet fetched, a key no file has): read from the English files, where every key is.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const webRoot = fileURLToPath(new URL("../../src/web", import.meta.url));

function keysOf(value: unknown, prefix = ""): string[] {
  if (!value || typeof value !== "object")
    return [prefix.slice(0, -1).replace(/_(zero|one|two|few|many|other)$/, "")];
  return Object.entries(value).flatMap(([key, inner]) => keysOf(inner, `${prefix}${key}.`));
}

/** Every key of two parts or more ("nav.accounts"), alone and with its namespace ("core:nav.accounts"). */
function translationKeys(): Set<string> {
  const files = readdirSync(webRoot, { recursive: true, encoding: "utf8" }).filter((file) =>
    file.endsWith(`locales${path.sep}en.json`),
  );
  const keys = new Set<string>();
  for (const file of files) {
    const parts = file.split(path.sep);
    const namespace = parts[0] === "shell" ? "shell" : (parts[1] ?? "");
    for (const key of keysOf(JSON.parse(readFileSync(path.join(webRoot, file), "utf8")))) {
      if (!key.includes(".")) continue;
      keys.add(key);
      keys.add(`${namespace}:${key}`);
    }
  }
  return keys;
}

const keys = translationKeys();

/** The translation keys a page's visible text shows as they are, each once. */
export function bareKeysIn(text: string): string[] {
  const words = new Set(text.split(/[\s,;()«»"“”]+/).map((word) => word.replace(/[.:!?]+$/, "")));
  return [...words].filter((word) => keys.has(word));
}
