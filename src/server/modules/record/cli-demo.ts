import type { Command } from "commander";
import { runCommand, withDatabase } from "../../../cli/common.ts";

async function recordOperations() {
  const { loadDemo, resetDemo } = await import("./api.ts");
  const { systemActor } = await import("../../platform/authz.ts");
  const { runOperation } = await import("../../platform/operation.ts");
  return { loadDemo, resetDemo, systemActor, runOperation };
}

function summary(counts: Record<string, number>): string {
  const shown = [
    "rounds",
    "meetings",
    "participants",
    "sources",
    "citations",
    "facts",
    "conflicts",
    "milestones",
  ];
  return shown.map((name) => `${counts[name] ?? 0} ${name}`).join(", ");
}

/** `astana demo load` and `astana demo reset`: the demonstration record (the Astana process, rounds 1–22). */
export function registerDemoCommands(program: Command): void {
  const demo = program
    .command("demo")
    .description("The demonstration record: the Astana process, rounds 1–22");
  demo
    .command("load")
    .description("Load the demonstration record; refused if it is already loaded (use reset)")
    .option("--json", "print the result as JSON")
    .action(async (options: { json?: boolean }) => {
      await runCommand(async () => {
        const { loadDemo, runOperation, systemActor } = await recordOperations();
        const loaded = await withDatabase((database) =>
          runOperation({ db: database.db }, loadDemo, systemActor("cli"), {}),
        );
        process.stdout.write(
          options.json
            ? `${JSON.stringify(loaded)}\n`
            : `Demonstration record loaded in ${loaded.milliseconds} ms: ${summary(loaded.counts)}.\n`,
        );
      });
    });
  demo
    .command("reset")
    .description(
      "Delete every demonstration row (and what was added inside the demonstration process), then load it again",
    )
    .option("--json", "print the result as JSON")
    .action(async (options: { json?: boolean }) => {
      await runCommand(async () => {
        const { resetDemo, runOperation, systemActor } = await recordOperations();
        const reset = await withDatabase((database) =>
          runOperation({ db: database.db }, resetDemo, systemActor("cli"), {}),
        );
        process.stdout.write(
          options.json
            ? `${JSON.stringify(reset)}\n`
            : `Demonstration record reset in ${reset.milliseconds} ms: deleted ${summary(reset.deleted)}; loaded ${summary(reset.counts)}.\n`,
        );
      });
    });
}
