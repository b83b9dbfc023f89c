import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import {
  callerPath,
  runCommand,
  runsWithoutServer,
  UsageError,
  withDatabase,
  writeCallerFile,
} from "./common.ts";

function describe(summary: { tables: number; rows: number; migrationLevel: number; createdAt: string }) {
  return `${summary.rows} rows in ${summary.tables} tables, migration level ${summary.migrationLevel}, taken ${summary.createdAt}`;
}

/** `astana backup` and `astana restore`: a portable copy of the whole database, and its return. */
export function registerBackupCommands(program: Command): void {
  program
    .command("backup")
    .description(
      "Write a consistent backup of the whole database (one snapshot) to a file readable by its owner only; works while the server runs (through it)",
    )
    .requiredOption("--out <file>", "the backup file to write (gzip-compressed JSON lines)")
    .option("--json", "print the summary as JSON")
    .action(async (options: { out: string; json?: boolean }) => {
      await runCommand(async () => {
        const { takeBackup } = await import("../server/platform/backup.ts");
        const { content, summary } = await withDatabase((database) => takeBackup(database.db));
        await writeCallerFile(options.out, content, { private: true });
        process.stdout.write(
          options.json
            ? `${JSON.stringify({ file: callerPath(options.out), ...summary })}\n`
            : `Backup written to ${callerPath(options.out)}: ${describe(summary)}.\n`,
        );
      });
    });

  const restore = program
    .command("restore")
    .description(
      "Restore a backup into an empty data directory (DATA_DIR) or an empty database (DATABASE_URL); refused (exit 4) if it holds any row",
    )
    .requiredOption("--from <file>", "the backup file written by `astana backup`")
    .option("--json", "print the summary as JSON")
    .action(async (options: { from: string; json?: boolean }) => {
      await runCommand(async () => {
        let content: Buffer;
        try {
          content = await readFile(callerPath(options.from));
        } catch (error) {
          throw new UsageError(
            `--from: cannot read ${options.from} (${(error as NodeJS.ErrnoException).code})`,
          );
        }
        const { loadConfig } = await import("../server/config.ts");
        const { migrateDatabase, openDatabase } = await import("../server/platform/db.ts");
        const { assertRestorable, restoreBackup } = await import("../server/platform/backup.ts");
        const database = await openDatabase(loadConfig().database);
        try {
          await assertRestorable(database.db);
          await migrateDatabase(database);
          const summary = await restoreBackup(database.db, content);
          process.stdout.write(
            options.json
              ? `${JSON.stringify(summary)}\n`
              : `Restored ${describe(summary)} (${database.kind}).\n`,
          );
        } finally {
          await database.close();
        }
      });
    });
  runsWithoutServer(
    restore,
    "`astana restore` does not run through the server: it restores into an empty database, and the server's holds data.",
  );
}
