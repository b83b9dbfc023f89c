import type { Command } from "commander";
import type { z } from "zod";
import { UsageError } from "../../../../cli/common.ts";
import { lines, processLine, processText } from "../../../../cli/format.ts";
import {
  clearable,
  integer,
  json,
  nameOptions,
  namesFrom,
  type ProcessOption,
  processOption,
  textFrom,
  textOptions,
  versionOption,
} from "../../../../cli/options.ts";
import { act, type Output, output, type Session } from "../../../../cli/session.ts";
import type { ProcessDetail, ProcessRole, RoleChangeKind } from "../../../../contracts/process.ts";
import * as processContracts from "../../../../contracts/process.ts";
import * as core from "../api.ts";
import { processRef } from "./refs.ts";

type Names = { name?: string; nameRu?: string; nameAr?: string };
type Role = z.infer<typeof ProcessRole>;
type CreateOptions = Names & {
  slug: string;
  host: string;
  guarantor?: string[];
  city?: string;
  venue?: string;
  timezone?: string;
  launchedOn?: string;
};
type UpdateOptions = Names &
  ProcessOption & { version: number; city?: string; venue?: string; timezone?: string };
type DecisionOptions = ProcessOption & {
  decidedOn: string;
  decidedBy: string;
  version?: number;
};
type AssignOptions = {
  process?: string;
  participant: string;
  role: Role;
  from?: string;
  to?: string;
  note?: string;
};
type ChangeOptions = {
  process?: string;
  participant: string;
  role: Role;
  change: z.infer<typeof RoleChangeKind>;
  on: string;
  precision?: "day" | "month" | "year";
  round?: number;
};

/** A process as GET /api/processes/{id} answers it, after a write. */
async function processOutput(session: Session, ref: string): Promise<Output<ProcessDetail>> {
  return output(
    await core.getProcess(session.db, session.actor, ref),
    () => processContracts.ProcessDetail,
    processText,
  );
}

/** `astana processes …` and `astana roles …`: processes, their lifecycle decisions and their roles. */
export function registerProcessCommands(program: Command): void {
  const processes = program.command("processes").description("Negotiation processes and their decisions");
  json(processes.command("list").description("List every process (GET /api/processes)")).action(
    act(async (s) =>
      output(
        await core.listProcesses(s.db, s.actor),
        () => processContracts.ProcessList,
        (list) => lines(list.items.map(processLine), "No processes."),
      ),
    ),
  );

  json(
    processes
      .command("show")
      .description("A process: host, status, decisions, guarantors, roles (GET /api/processes/{id})")
      .argument("[process]", "id or slug (or --process; default: the only one)")
      .option("--process <process>", "the process, instead of the argument"),
  ).action(
    act(async (s, o: ProcessOption, [ref]) => processOutput(s, await processRef(s, ref ?? o.process))),
  );

  json(
    nameOptions(
      processes.command("create").description("Create a process (core.process.create)"),
      "its",
      true,
    )
      .requiredOption("--slug <slug>", "its address, e.g. astana")
      .requiredOption("--host <participant>", "the host participant (id or slug)")
      .option("--guarantor <participant...>", "guarantor participants (ids or slugs)")
      .option("--city <city>", "default city of its rounds")
      .option("--venue <venue>", "default venue of its rounds")
      .option("--timezone <zone>", "its time zone, e.g. Asia/Almaty")
      .option("--launched-on <date>", "the day it was launched, YYYY-MM-DD"),
  ).action(
    act(async (s, o: CreateOptions) => {
      const { id } = await s.run(core.createProcess, {
        slug: o.slug,
        names: namesFrom(o) as { en: string },
        hostParticipantId: o.host,
        guarantorIds: o.guarantor,
        defaultCity: o.city,
        defaultVenue: o.venue,
        timezone: o.timezone,
        launchedOn: o.launchedOn,
      });
      return processOutput(s, id);
    }),
  );

  json(
    versionOption(
      nameOptions(
        processes
          .command("update")
          .description("Edit a process from the version read (core.process.update)")
          .argument("[process]", "id or slug (or --process; default: the only one)")
          .option("--process <process>", "the process, instead of the argument"),
        "its",
      ),
      true,
    )
      .option("--city <city>", 'default city of its rounds ("" to clear)')
      .option("--venue <venue>", 'default venue of its rounds ("" to clear)')
      .option("--timezone <zone>", "its time zone"),
  ).action(
    act(async (s, o: UpdateOptions, [ref]) => {
      const { id } = await s.run(core.updateProcess, {
        processId: await processRef(s, ref ?? o.process),
        version: o.version,
        names: namesFrom(o) as { en: string } | undefined,
        defaultCity: clearable(o.city),
        defaultVenue: clearable(o.venue),
        timezone: o.timezone,
      });
      return processOutput(s, id);
    }),
  );

  const transitions = [
    ["launch", core.launchProcess, "Record the decision that launched the process"],
    ["suspend", core.suspendProcess, "Suspend an active process, as a recorded decision"],
    ["conclude", core.concludeProcess, "Conclude an active or suspended process, as a recorded decision"],
    ["resume", core.resumeProcess, "Resume a suspended or concluded process, as a recorded decision"],
  ] as const;
  for (const [verb, operation, summary] of transitions) {
    const decision = json(
      versionOption(
        processes
          .command(verb)
          .description(`${summary} (core.process.${verb})`)
          .argument("[process]", "id or slug (or --process; default: the only one)")
          .option("--process <process>", "the process, instead of the argument")
          .requiredOption("--decided-on <date>", "the day of the decision, YYYY-MM-DD")
          .requiredOption("--decided-by <who>", 'who decided or requested it, e.g. "the guarantors"'),
      ),
    );
    textOptions(decision, "text", "the decision's text").action(
      act(async (s, o: DecisionOptions, [ref]) => {
        const text = textFrom(o, "text");
        if (text === undefined)
          throw new UsageError(
            "Give the text: --text (English), or --text-ru/--text-ar with --text-original.",
          );
        const { id } = await s.run(operation, {
          processId: await processRef(s, ref ?? o.process),
          decidedOn: o.decidedOn,
          decidedBy: o.decidedBy,
          text,
          version: o.version,
        });
        return processOutput(s, id);
      }),
    );
  }

  const roles = program
    .command("roles")
    .description("Participants' roles in a process and changes of standing");
  json(
    processOption(
      roles
        .command("assign")
        .description("Give a participant a role in the process (core.role.assign)")
        .requiredOption("--participant <participant>", "id or slug")
        .requiredOption("--role <role>", "host, guarantor, party, observer, international_organization, …")
        .option("--from <date>", "first day of the role, YYYY-MM-DD")
        .option("--to <date>", "last day of the role, YYYY-MM-DD")
        .option("--note <note>", "a note"),
    ),
  ).action(
    act(async (s, o: AssignOptions) => {
      const { processId } = await s.run(core.assignRole, {
        processId: await processRef(s, o.process),
        participantId: o.participant,
        role: o.role,
        fromDate: o.from,
        toDate: o.to,
        note: o.note,
      });
      return processOutput(s, processId);
    }),
  );
  const change = json(
    processOption(
      roles
        .command("change")
        .description("Record a change of a participant's standing (core.role-change.record)")
        .requiredOption("--participant <participant>", "id or slug")
        .requiredOption("--role <role>", "the role concerned, e.g. observer")
        .requiredOption(
          "--change <change>",
          "granted, withdrawn, boycott_declared, boycott_ended, absent, statement",
        )
        .requiredOption("--on <date>", "when it happened, YYYY-MM-DD")
        .option("--precision <precision>", "day, month or year (how exact --on is)")
        .option("--round <n>", "the round it concerns", integer),
    ),
  );
  textOptions(change, "statement", "the statement made").action(
    act(async (s, o: ChangeOptions) => {
      const { processId } = await s.run(core.recordRoleChange, {
        processId: await processRef(s, o.process),
        participantId: o.participant,
        role: o.role,
        change: o.change,
        occurredOn: o.on,
        occurredPrecision: o.precision,
        roundNumber: o.round,
        statement: textFrom(o, "statement"),
      });
      return processOutput(s, processId);
    }),
  );
}
