import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildApp, startModules, webDistDir } from "./app.ts";
import type { Config } from "./config.ts";
import { type CliRunner, startCliEndpoint } from "./platform/cli-endpoint.ts";
import { migrateDatabase, openDatabase } from "./platform/db.ts";

const webSourceDir = fileURLToPath(new URL("../web", import.meta.url));

/** Whether the built web app is missing or older than any of its sources. */
export function webBuildIsStale(): boolean {
  const index = path.join(webDistDir, "index.html");
  if (!existsSync(index)) return true;
  const builtAt = statSync(index).mtimeMs;
  const newest = (dir: string): number =>
    Math.max(
      0,
      ...readdirSync(dir, { withFileTypes: true }).map((entry) => {
        const full = path.join(dir, entry.name);
        return entry.isDirectory() ? newest(full) : statSync(full).mtimeMs;
      }),
    );
  return newest(webSourceDir) > builtAt;
}

/** Builds the web app with Vite (used by `npm start` on a fresh clone). */
export async function buildWeb(): Promise<void> {
  const { build } = await import("vite");
  await build({
    configFile: fileURLToPath(new URL("../../vite.config.ts", import.meta.url)),
    logLevel: "warn",
  });
}

/**
 * Starts the platform: opens the database, applies migrations, runs start-up tasks (the demonstration
 * record), listens, and on SIGTERM or SIGINT stops accepting, lets requests finish and closes the
 * database cleanly. On the embedded database, which no other process may open while the server holds
 * it, `commandRunner` runs the CLI's commands on the server's behalf (see platform/cli-endpoint.ts).
 */
export async function serve(
  config: Config,
  options: { buildWebIfNeeded?: boolean; commandRunner?: CliRunner } = {},
): Promise<void> {
  if (options.buildWebIfNeeded && config.SERVE_WEB && webBuildIsStale()) {
    process.stdout.write("Building the web app (first start or sources changed)…\n");
    await buildWeb();
  }
  const database = await openDatabase(config.database);
  try {
    await migrateDatabase(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  const { app, deps } = await buildApp({ config, database });
  let cliEndpoint: Awaited<ReturnType<typeof startCliEndpoint>> | undefined;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down: finishing requests");
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      await cliEndpoint?.close();
      await app.close();
    } finally {
      await database.close();
      app.log.info("database closed");
    }
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
  try {
    await startModules(deps);
    await app.listen({ port: config.PORT, host: config.HOST });
    if (database.dataDirLock && options.commandRunner) {
      cliEndpoint = await startCliEndpoint({ database, config, runner: options.commandRunner, log: app.log });
      database.dataDirLock.publishServer(cliEndpoint.endpoint);
    }
  } catch (error) {
    await cliEndpoint?.close().catch(() => {});
    await app.close().catch(() => {});
    await database.close();
    throw error;
  }
  app.log.info(`Astana is ready at ${config.publicUrl} (database: ${database.kind})`);
}
