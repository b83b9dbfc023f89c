import type { Command } from "commander";
import type { z } from "zod";
import { readsStandardInput, writeCallerFile } from "../../../../cli/common.ts";
import { delegationLine, lines, participantsListText } from "../../../../cli/format.ts";
import {
  json,
  oneOf,
  type RoundOptions,
  readJson,
  roundSelector,
  versionOption,
} from "../../../../cli/options.ts";
import { act, type Output, output, type Session } from "../../../../cli/session.ts";
import { processRoles } from "../../../../contracts/enums.ts";
import type { ProcessRole, RoundDelegation } from "../../../../contracts/process.ts";
import * as processContracts from "../../../../contracts/process.ts";
import { NotFound } from "../../../platform/errors.ts";
import * as core from "../api.ts";
import { roundRef } from "./refs.ts";

type ParticipantOption = RoundOptions & { participant: string };

/** A command on one round's delegation: `<number> --participant p`, with --json. */
function delegationCommand(delegations: Command, verb: string, description: string): Command {
  return json(
    roundSelector(delegations.command(verb).description(description)).requiredOption(
      "--participant <participant>",
      "the delegation's participant (id or slug)",
    ),
  );
}

/** The round delegation of a participant in a round, as GET /api/round-delegations/{id} answers it. */
async function findDelegation(
  session: Session,
  number: string | undefined,
  options: ParticipantOption,
): Promise<RoundDelegation> {
  const roundId = await roundRef(session, number, options);
  const { items } = await core.listRoundDelegations(session.db, session.actor, roundId);
  const found = items.find(
    (item) => item.participant.id === options.participant || item.participant.slug === options.participant,
  );
  if (!found) throw new NotFound("Round delegation", `${options.participant} in this round`);
  return found;
}

async function delegationOutput(session: Session, id: string): Promise<Output<RoundDelegation>> {
  return output(
    await core.getRoundDelegation(session.db, session.actor, id),
    () => processContracts.RoundDelegation,
    (delegation) => `Round ${delegation.roundNumber}: ${delegationLine(delegation)}`,
  );
}

/** The members file: a list of members, or `{ "members": [...], "version": n }` as the API takes it. */
function membersBody(body: unknown): { members: unknown; version?: unknown } {
  return Array.isArray(body) ? { members: body } : (body as { members: unknown; version?: unknown });
}

/** `astana delegations …`: invitations, lists of members, accreditation, and the list of participants. */
export function registerDelegationCommands(program: Command): void {
  const delegations = program
    .command("delegations")
    .description("Invitations, members and accreditation of the delegations to a round");

  json(
    roundSelector(
      delegations
        .command("list")
        .description(
          "The round's delegations: invited, submitted, accredited (GET /api/rounds/{id}/delegations)",
        ),
    ),
  ).action(
    act(async (s, o: RoundOptions, [n]) =>
      output(
        await core.listRoundDelegations(s.db, s.actor, await roundRef(s, n, o)),
        () => processContracts.RoundDelegationList,
        (list) => lines(list.items.map(delegationLine), "No delegations invited."),
      ),
    ),
  );

  delegationCommand(
    delegations,
    "show",
    "One delegation with its members (GET /api/round-delegations/{id})",
  ).action(
    act(async (s, o: ParticipantOption, [n]) => delegationOutput(s, (await findDelegation(s, n, o)).id)),
  );

  delegationCommand(delegations, "invite", "Invite a participant to the round (core.round-delegation.invite)")
    .option("--role <role>", "its role (default: its current role in the process)")
    .action(
      act(async (s, o: ParticipantOption & { role?: z.infer<typeof ProcessRole> }, [n]) => {
        const { id } = await s.run(core.inviteDelegation, {
          roundId: await roundRef(s, n, o),
          participantId: o.participant,
          role: o.role,
        });
        return delegationOutput(s, id);
      }),
    );

  json(
    roundSelector(
      delegations
        .command("invite-by-role")
        .description(
          "Invite every participant holding one of the roles, in it; those invited already stay (core.round-delegation.invite-by-role)",
        )
        .requiredOption("--roles <roles>", `comma-separated: ${processRoles.join(", ")}`),
    ),
  ).action(
    act(async (s, o: RoundOptions & { roles: string }, [n]) => {
      const roles = o.roles
        .split(",")
        .map((role) => oneOf(role.trim(), processRoles, "--roles") as z.infer<typeof ProcessRole>);
      const roundId = await roundRef(s, n, o);
      const { invitedIds, alreadyInvited } = await s.run(core.inviteDelegationsByRole, { roundId, roles });
      const { items } = await core.listRoundDelegations(s.db, s.actor, roundId);
      const invited = items.filter((item) => invitedIds.includes(item.id));
      return output(
        {
          roundId,
          invited,
          alreadyInvited: items
            .filter((item) => alreadyInvited.includes(item.participant.id))
            .map((item) => item.participant),
        },
        () => processContracts.InviteByRoleResult,
        (result) =>
          lines(
            [
              ...result.invited.map(delegationLine),
              ...(result.alreadyInvited.length > 0
                ? [`Already invited: ${result.alreadyInvited.map((p) => p.name).join(", ")}`]
                : []),
            ],
            "Nobody holds these roles.",
          ),
      );
    }),
  );

  const submit = versionOption(
    delegationCommand(
      delegations,
      "submit",
      "Submit the delegation's members, exactly one head (core.delegation-members.submit)",
    ).option(
      "--members <file>",
      'JSON: [{"nameLatin", "nameNative", "title", "isHead"}, …]; "-" or none reads standard input',
    ),
  );
  readsStandardInput(submit, (options) => options.members === undefined || options.members === "-");
  submit.action(
    act(async (s, o: ParticipantOption & { members?: string; version?: number }, [n]) => {
      const body = membersBody(await readJson(o.members, "--members"));
      const { id } = await s.run(core.submitDelegationMembers, {
        ...(body as { members: [] }),
        ...(o.version !== undefined && { version: o.version }),
        roundId: await roundRef(s, n, o),
        participantId: o.participant,
      });
      return delegationOutput(s, id);
    }),
  );

  versionOption(
    delegationCommand(
      delegations,
      "accredit",
      "Accredit a submitted delegation (core.round-delegation.accredit)",
    ),
  )
    .option("--note <note>", "a note to the delegation")
    .action(
      act(async (s, o: ParticipantOption & { note?: string; version?: number }, [n]) => {
        const { id } = await s.run(core.accreditDelegation, {
          roundDelegationId: (await findDelegation(s, n, o)).id,
          note: o.note,
          version: o.version,
        });
        return delegationOutput(s, id);
      }),
    );

  versionOption(
    delegationCommand(
      delegations,
      "request-changes",
      "Send a submitted list back with a note (core.round-delegation.request-changes)",
    ),
  )
    .requiredOption("--note <note>", "what to change")
    .action(
      act(async (s, o: ParticipantOption & { note: string; version?: number }, [n]) => {
        const { id } = await s.run(core.requestDelegationChanges, {
          roundDelegationId: (await findDelegation(s, n, o)).id,
          note: o.note,
          version: o.version,
        });
        return delegationOutput(s, id);
      }),
    );

  json(
    roundSelector(
      delegations
        .command("participants-list")
        .description(
          "The round's list of accredited participants in an order of precedence (GET /api/rounds/{id}/participants-list)",
        ),
    )
      .option(
        "--order <order>",
        "english_alphabetical, role_then_alphabetical or custom (default: the round's)",
      )
      .option("--lang <lang>", "language of the printable page: en, ru or ar", "en")
      .option("--html <path>", "write the printable page (participants-list.html) to this file"),
  ).action(
    act(async (s, o: RoundOptions & { order?: string; lang: string; html?: string }, [n]) => {
      const order = oneOf(o.order, processContracts.PrecedenceOrder.options, "--order");
      const lang = oneOf(o.lang, core.printLanguages, "--lang") ?? "en";
      const list = await core.getParticipantsList(s.db, s.actor, await roundRef(s, n, o), order);
      if (o.html) await writeCallerFile(o.html, core.renderParticipantsListHtml(list, lang));
      return output(
        list,
        () => processContracts.ParticipantsList,
        (value) =>
          o.html
            ? `Wrote the list of participants (${value.entries.length}, ${lang}) to ${o.html}.`
            : participantsListText(value),
      );
    }),
  );
}
