// What `npm start` builds before it serves, each only when missing or older than its sources: the web
// app (Vite, into dist/web) and the server bundle (Rolldown, into dist/server), which starts several
// times faster than the sources because Node resolves and compiles one file instead of thousands.
// Light on purpose: this file is loaded before the server, so it imports the build tools only on demand.

import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { projectPath } from "./paths.ts";

export const webDistDir = projectPath("dist", "web");
/** The bundled CLI (and so the server): `npm start` runs it. */
export const serverBundleFile = projectPath("dist", "server", "astana.mjs");

/** Packages left outside the bundle: they load files beside their own code (wasm, native addons, assets). */
const serverExternals = [
  /^@electric-sql\/pglite/,
  /^@node-rs\/argon2/,
  /^pg$/,
  /^pg-native$/,
  /^vite$/,
  /^rolldown$/,
  /^@fastify\/swagger-ui/,
  /^@fastify\/static/,
  /^pino/,
  /^thread-stream/,
];

function newestIn(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(target).map((name) => newestIn(path.join(target, name))));
}

function isOlderThan(built: string, sources: string[]): boolean {
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return sources.some((source) => newestIn(projectPath(source)) > builtAt);
}

/** Whether the built web app is missing or older than any of its sources. */
export function webBuildIsStale(): boolean {
  return isOlderThan(path.join(webDistDir, "index.html"), ["src/web", "src/contracts", "vite.config.ts"]);
}

/** Builds the web app with Vite (used by `npm start` on a fresh clone). */
export async function buildWeb(): Promise<void> {
  const { build } = await import("vite");
  await build({ configFile: projectPath("vite.config.ts"), logLevel: "warn" });
}

/** Whether the server bundle is missing or older than the server's, CLI's, contracts' or data's sources. */
export function serverBundleIsStale(): boolean {
  return isOlderThan(serverBundleFile, [
    "src/server",
    "src/cli",
    "src/contracts",
    "src/data",
    "package-lock.json",
  ]);
}

/** Bundles the CLI (with the server) into one ES module, the packages above left outside. */
export async function buildServerBundle(): Promise<void> {
  const { build } = await import("rolldown");
  await build({
    input: projectPath("src", "cli", "main.ts"),
    platform: "node",
    external: serverExternals,
    logLevel: "warn",
    output: { file: serverBundleFile, format: "esm", codeSplitting: false, sourcemap: true },
  });
}
