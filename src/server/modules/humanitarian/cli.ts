// `astana humanitarian …`: a side's list upload (streamed from disk, any size), cases and exchanges —
// each calling the same operation or read as its route. The CLI acts as the system actor, so the side
// a list or case belongs to is always named (`--side`, a participant's slug or a delegation's id).
import { createReadStream, statSync } from "node:fs";
import type { Command } from "commander";
import { callerPath, UsageError } from "../../../cli/common.ts";
import { json, processOption } from "../../../cli/options.ts";
import { act, output, type Session } from "../../../cli/session.ts";
import * as contracts from "../../../contracts/humanitarian.ts";
import { DomainError } from "../../platform/errors.ts";
import { findProcess, getParticipant, processRef, standingDelegationIdsOf } from "../core/index.ts";
import { registerExchangeCommands } from "./cli-exchanges.ts";
import { importListFile } from "./list-import.ts";
import { changeCaseStatus } from "./operations/change-case-status.ts";
import { createCase } from "./operations/create-case.ts";
import { withdrawCase } from "./operations/withdraw-case.ts";
import { getCase, listCases } from "./reads/cases.ts";
import { parseMapping } from "./routes-lists.ts";

/** The process's id and a side's standing delegation, named by participant slug or delegation id. */
export async function sideRef(s: Session, process: string | undefined, side: string) {
  const processId = (await findProcess(s.db, await processRef(s, process))).id;
  try {
    const participant = await getParticipant(s.db, s.actor, side);
    const found = (await standingDelegationIdsOf(s.db, processId, [participant.id])).get(participant.id);
    if (found) return { processId, delegationId: found };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
  }
  return { processId, delegationId: side };
}

function describeReport(report: contracts.ListImportReport): string {
  const lines = [
    `${report.dryRun ? "Preview (nothing written)" : `Imported as list ${report.listId}`}: ${report.rows} rows, ${report.valid} valid, ${report.rejected} rejected (${report.duplicates} duplicates), ${report.flagged} flagged; ${report.casesCreated} cases created.`,
    `Format ${report.format}, encoding ${report.encoding}; columns: ${Object.entries(report.mapping)
      .map(([ours, theirs]) => `${ours}←${theirs}`)
      .join(", ")}${report.unmappedColumns.length ? `; ignored: ${report.unmappedColumns.join(", ")}` : ""}.`,
  ];
  for (const row of report.rejectedRows.slice(0, 50))
    lines.push(`  row ${row.row} rejected: ${row.findings.map((f) => `${f.field} ${f.code}`).join("; ")}`);
  for (const row of report.flaggedRows.slice(0, 20))
    lines.push(`  row ${row.row} flagged: ${row.findings.map((f) => `${f.field} ${f.code}`).join("; ")}`);
  return lines.join("\n");
}

/** `astana humanitarian list-upload|cases|case|case-create|case-status|case-withdraw|exchanges|exchange|exchange-*`. */
export function registerHumanitarianCommands(program: Command): void {
  const hum = program
    .command("humanitarian")
    .description("The humanitarian working group: cases, the sides' lists, exchanges");

  json(
    processOption(
      hum
        .command("list-upload")
        .description("Upload a side's list, CSV or XLSX, streamed: any size (humanitarian.list.import)")
        .requiredOption("--file <path>", "the list file (.csv or .xlsx)")
        .requiredOption("--side <side>", "the submitting side: participant slug or delegation id")
        .option("--title <title>", "the list's title (default: the file's name)")
        .option("--mapping <json>", "our columns → the file's headers, as a JSON object")
        .option(
          "--kind <kind>",
          `the rows' kind when the file has no kind column (${contracts.caseKinds.join(", ")})`,
          "detained",
        )
        .option(
          "--sharing <sharing>",
          "side, or working_group (the guarantors and the UN also read it)",
          "side",
        )
        .option("--day-month <order>", "how to read 1/2/80: refuse, day_first, month_first", "refuse")
        .option("--dry-run", "preview: read every row and write nothing"),
    ),
  ).action(
    act(
      async (
        s,
        o: {
          process?: string;
          file: string;
          side: string;
          title?: string;
          mapping?: string;
          kind: contracts.CaseKind;
          sharing: contracts.ListSharing;
          dayMonth: "refuse" | "day_first" | "month_first";
          dryRun?: boolean;
        },
      ) => {
        const file = callerPath(o.file);
        try {
          statSync(file);
        } catch {
          throw new UsageError(`Cannot read ${o.file}.`);
        }
        const name = file.split("/").at(-1) ?? "list";
        const side = await sideRef(s, o.process, o.side);
        const report = await importListFile(s.db, s.actor, {
          ...side,
          title: o.title ?? name,
          fileName: name,
          format: name.toLowerCase().endsWith(".xlsx") ? "xlsx" : "csv",
          kind: o.kind,
          sharing: o.sharing,
          mapping: parseMapping(o.mapping),
          dayMonth: o.dayMonth,
          dryRun: o.dryRun === true,
          source: createReadStream(file, { highWaterMark: 1024 * 1024 }),
        });
        return output(report, () => contracts.ListImportReport, describeReport);
      },
    ),
  );

  json(
    processOption(
      hum
        .command("cases")
        .description("The cases (humanitarian.case.list; the CLI reads as the system)")
        .option("--side <side>", "one side's: participant slug or delegation id")
        .option("--status <status>", contracts.caseStatuses.join(", ")),
    ),
  ).action(
    act(async (s, o: { process?: string; side?: string; status?: string }) => {
      const side = o.side
        ? await sideRef(s, o.process, o.side)
        : { processId: await processRef(s, o.process) };
      const list = await listCases(
        s.db,
        s.actor,
        side.processId,
        contracts.CaseQuery.parse({
          delegationId: "delegationId" in side ? side.delegationId : undefined,
          status: o.status,
        }),
      );
      return output(
        list,
        () => contracts.CaseList,
        (value) =>
          [
            `${value.total} cases`,
            ...value.cases.map(
              (c) => `  ${c.id}  ${c.kind}  ${c.status}${c.withdrawn ? " (withdrawn)" : ""}`,
            ),
          ].join("\n"),
      );
    }),
  );
  json(
    hum.command("case").description("One case with its history (humanitarian.case.get)").argument("<id>"),
  ).action(
    act(async (s, _o, [id]) =>
      output(
        await getCase(s.db, s.actor, id ?? ""),
        () => contracts.CaseDetail,
        (c) =>
          [
            `${c.id}: ${c.kind}, ${c.status}${c.withdrawn ? `, withdrawn (${c.withdrawn.reason})` : ""}`,
            ...c.history.map(
              (step) =>
                `  ${step.at} ${step.status} by ${step.byLabel}${step.evidence ? `: ${step.evidence}` : ""}`,
            ),
          ].join("\n"),
      ),
    ),
  );
  json(
    processOption(
      hum
        .command("case-create")
        .description("Register a case for a side (humanitarian.case.create)")
        .requiredOption("--side <side>", "participant slug or delegation id")
        .requiredOption("--kind <kind>", contracts.caseKinds.join(", "))
        .requiredOption(
          "--person <json>",
          'the personal fields as JSON: {"arabic":{"given":…},"latin":{…},"birthYear":1980,…}',
        )
        .option("--sharing <sharing>", "side or working_group", "side"),
    ),
  ).action(
    act(
      async (
        s,
        o: {
          process?: string;
          side: string;
          kind: contracts.CaseKind;
          person: string;
          sharing: contracts.ListSharing;
        },
      ) => {
        // Checked by the operation's contract, as the route's body is.
        let person: contracts.PersonFields;
        try {
          person = JSON.parse(o.person);
        } catch {
          throw new UsageError("--person: not JSON.");
        }
        const created = await s.run(createCase, {
          ...(await sideRef(s, o.process, o.side)),
          kind: o.kind,
          sharing: o.sharing,
          person,
        });
        return output(
          created,
          () => contracts.Created,
          (value) => `Case ${value.id} registered.`,
        );
      },
    ),
  );
  json(
    hum
      .command("case-status")
      .description("Record a case's next status on evidence (humanitarian.case.change-status)")
      .argument("<id>")
      .requiredOption("--status <status>", contracts.caseStatuses.join(", "))
      .requiredOption("--evidence <text>", "on what evidence"),
  ).action(
    act(async (s, o: { status: contracts.CaseStatus; evidence: string }, [id]) =>
      output(
        await s.run(changeCaseStatus, { caseId: id ?? "", status: o.status, evidence: o.evidence }),
        () => contracts.Created,
        () => `Case ${id}: ${o.status}.`,
      ),
    ),
  );
  json(
    hum
      .command("case-withdraw")
      .description("Withdraw a case with a reason; nothing is deleted (humanitarian.case.withdraw)")
      .argument("<id>")
      .requiredOption("--reason <text>", "why"),
  ).action(
    act(async (s, o: { reason: string }, [id]) =>
      output(
        await s.run(withdrawCase, { caseId: id ?? "", reason: o.reason }),
        () => contracts.Created,
        () => `Case ${id} withdrawn.`,
      ),
    ),
  );

  registerExchangeCommands(hum, sideRef);
}
