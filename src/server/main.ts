import { buildApp, startModules } from "./app.ts";
import { buildWeb, webBuildIsStale } from "./build.ts";
import type { Config } from "./config.ts";
import { type CliRunner, startCliEndpoint } from "./platform/cli-endpoint.ts";
import { migrateDatabase, openDatabase, preparePgliteTemplate } from "./platform/db.ts";
import { keepPlannerStatisticsFresh } from "./platform/planner-statistics.ts";

/** A line for the person who started the server, in words, beside the JSON log lines. */
function say(text: string): void {
  process.stdout.write(`${text}\n`);
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
  const startedAt = performance.now();
  if (options.buildWebIfNeeded && config.SERVE_WEB && webBuildIsStale()) {
    say("Building the web app (first start, or its sources changed)…");
    await buildWeb();
  }
  if (options.buildWebIfNeeded && config.database.kind === "pglite") {
    const started = performance.now();
    if (await preparePgliteTemplate()) {
      say(`Prepared the embedded database template for quick first starts (${seconds(started)}).`);
    }
  }
  say(
    config.database.kind === "pglite"
      ? `Opening the embedded database in ${config.database.dataDir}…`
      : "Connecting to the PostgreSQL server…",
  );
  const database = await openDatabase(config.database);
  try {
    say("Applying database migrations…");
    await migrateDatabase(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  const { app, deps } = await buildApp({ config, database });
  let cliEndpoint: Awaited<ReturnType<typeof startCliEndpoint>> | undefined;
  let stopStatistics: (() => Promise<void>) | undefined;
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
      await stopStatistics?.();
    } finally {
      await database.close();
      app.log.info("database closed");
    }
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
  try {
    say("Starting the modules (an empty database with DEMO on gets the demonstration record)…");
    await startModules(deps);
    await app.listen({ port: config.PORT, host: config.HOST });
    stopStatistics = keepPlannerStatisticsFresh(database, app.log);
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
  say(`Astana is ready at ${config.publicUrl} (${seconds(startedAt)} after start).`);
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}
