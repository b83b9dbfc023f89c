import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The project's root: the nearest folder above this file whose package.json is Astana's. Found by
 * walking up rather than by a fixed number of `..`, so the same code works from the sources and from
 * the server bundle in dist/server.
 */
function findProjectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "astana"
    ) {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("Cannot find Astana's package.json above the server's code.");
    dir = parent;
  }
}

export const projectRoot = findProjectRoot();

/** A path inside the project, from its root: `projectPath("migrations")`. */
export function projectPath(...segments: string[]): string {
  return path.join(projectRoot, ...segments);
}
