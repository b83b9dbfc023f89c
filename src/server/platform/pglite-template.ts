// A prepared embedded database: initdb and every migration already run, saved as a tarball at build time
// (`npm start` prepares it with the web app). A first start on an empty data directory loads it in about
// half a second instead of running initdb and the migrations for several seconds. The tarball is keyed by
// the PGlite version and the migrations' contents, so a stale one is never used.

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { projectPath } from "../paths.ts";

const templatesDir = projectPath("dist", "pglite");

function pgliteVersion(): string {
  const manifest = projectPath("node_modules", "@electric-sql", "pglite", "package.json");
  return existsSync(manifest)
    ? (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version
    : "unknown";
}

/** The template for this PGlite and these migrations: its file, whether or not it exists yet. */
export function templateFile(migrationsFolder: string, extensions: string[]): string {
  const hash = createHash("sha256").update(
    `pglite ${pgliteVersion()}\nextensions ${extensions.sort().join(",")}\n`,
  );
  for (const name of readdirSync(migrationsFolder, { recursive: true, encoding: "utf8" }).sort()) {
    const full = path.join(migrationsFolder, name);
    if (name.endsWith(".sql") || name.endsWith(".json")) hash.update(name).update(readFileSync(full));
  }
  return path.join(templatesDir, `template-${hash.digest("hex").slice(0, 16)}.tar.gz`);
}

/** Whether `dataDir` holds no database yet (missing or empty), so a template may be loaded into it. */
export function isEmptyDataDir(dataDir: string): boolean {
  return !existsSync(dataDir) || readdirSync(dataDir).length === 0;
}

/** The prepared tarball, when one matching `file` exists. */
export function readTemplate(file: string): Blob | undefined {
  return existsSync(file) ? new Blob([readFileSync(file)]) : undefined;
}

/**
 * Writes the template if it is missing: a fresh in-memory PGlite, migrated by `migrate`, dumped. Written
 * under a temporary name and renamed, so a half-written tarball is never taken for a template.
 */
export async function prepareTemplate(
  file: string,
  create: () => Promise<PGlite>,
  migrate: (instance: PGlite) => Promise<void>,
): Promise<boolean> {
  if (existsSync(file)) return false;
  const instance = await create();
  try {
    await migrate(instance);
    const dump = await instance.dumpDataDir("gzip");
    mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
    return true;
  } finally {
    await instance.close();
  }
}
