import type { Command } from "commander";
import { exitCodes, runCommand, withDatabase } from "./common.ts";

/** `astana audit verify`: walks the hash chain; exit 1 and the first broken entry when it is broken. */
export function registerAuditCommands(program: Command): void {
  const audit = program.command("audit").description("The append-only audit log");
  audit
    .command("verify")
    .description(
      "Check the audit log's hash chain; exits 1 and names the first broken entry if it was tampered with",
    )
    .option("--json", "print the report as JSON")
    .action(async (options: { json?: boolean }) => {
      await runCommand(async () => {
        const { verifyAuditChain } = await import("../server/platform/audit.ts");
        const report = await withDatabase((database) => verifyAuditChain(database.db));
        if (options.json) process.stdout.write(`${JSON.stringify(report)}\n`);
        else if (report.ok) process.stdout.write(`Audit chain intact: ${report.entries} entries.\n`);
        else
          process.stdout.write(
            `Audit chain BROKEN at entry ${report.brokenAt}: ${report.reason} (${report.entries} entries before it are intact).\n`,
          );
        return report.ok ? exitCodes.ok : exitCodes.failed;
      });
    });
}
