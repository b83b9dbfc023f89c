import type { Command } from "commander";
import { runCommand, runsWithoutServer } from "./common.ts";

/** `astana serve` and `astana migrate`; `buildProgram` makes the program the server runs CLI commands with. */
export function registerServeCommands(program: Command, buildProgram: () => Command): void {
  const serve = program
    .command("serve")
    .description("Start the server: apply migrations, load start-up data, serve the API and the web app")
    .option("--build-web-if-needed", "build the web app first if it is missing or older than its sources")
    .action(async (options: { buildWebIfNeeded?: boolean }) => {
      await runCommand(async () => {
        const { loadConfig } = await import("../server/config.ts");
        const { serve } = await import("../server/main.ts");
        const { cliRunner } = await import("./in-server.ts");
        await serve(loadConfig(), {
          buildWebIfNeeded: options.buildWebIfNeeded === true,
          commandRunner: cliRunner(buildProgram),
        });
      });
    });
  runsWithoutServer(serve, "A second server cannot start on the same embedded database.");

  const migrate = program
    .command("migrate")
    .description("Apply every pending database migration and exit")
    .action(async () => {
      await runCommand(async () => {
        const { loadConfig } = await import("../server/config.ts");
        const { migrateDatabase, openDatabase } = await import("../server/platform/db.ts");
        const database = await openDatabase(loadConfig().database);
        try {
          await migrateDatabase(database);
          process.stdout.write(`Migrations applied (${database.kind}).\n`);
        } finally {
          await database.close();
        }
      });
    });
  runsWithoutServer(
    migrate,
    "`astana migrate` does not run through the server: the server applied its migrations when it started.",
  );
}
