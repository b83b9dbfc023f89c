// core's part of the canary test: one record of each of its tiers, made through its operations.
import { systemActor } from "../../platform/authz.ts";
import type { AppModule, CanaryFill } from "../../platform/module.ts";
import { accreditDelegation } from "./operations/accredit-delegation.ts";
import { announceRound } from "./operations/announce-round.ts";
import { createAccount } from "./operations/create-account.ts";
import { createMeeting } from "./operations/create-meeting.ts";
import { createParticipant } from "./operations/create-participant.ts";
import { inviteDelegation } from "./operations/invite-delegation.ts";
import { planRound } from "./operations/plan-round.ts";
import { requestDelegationChanges } from "./operations/request-delegation-changes.ts";
import { submitDelegationMembers } from "./operations/submit-delegation-members.ts";
import { getRoundDelegation } from "./reads/delegations.ts";

/**
 * Rounds planned (process tier) and announced (public); round delegations invited and listed (their
 * own and the secretariat's), sent back with a note, accredited on a planned round (process) and on
 * an announced one (public); a meeting and a participant (public); an account (administrators only).
 */
export const coreCanary: NonNullable<AppModule["canary"]> = async (ctx, marker) => {
  const { processId } = ctx;
  const inProcess = { tier: "process", processId } as const;
  const inPublic = { tier: "public", processId } as const;
  const ownOf = (role: keyof typeof ctx.delegationIds) =>
    ({
      tier: "delegation",
      processId,
      delegationId: ctx.delegationIds[role],
      alsoSecretariat: true,
    }) as const;
  const dates = { startDate: "2031-03-01", endDate: "2031-03-02" };

  const planned = await ctx.perform(planRound, {
    processId,
    number: 101,
    names: { en: marker(inProcess) },
    city: marker(inProcess),
    ...dates,
  });
  const announced = await ctx.perform(planRound, {
    processId,
    number: 102,
    names: { en: marker(inPublic) },
    ...dates,
  });
  await ctx.perform(announceRound, {
    roundId: announced.id,
    publishedOn: "2031-01-01",
    text: marker(inPublic),
  });

  const fills: CanaryFill[] = [];
  const listed = async (roundId: string, role: keyof typeof ctx.participantIds, name: string) => {
    const { id } = await ctx.perform(inviteDelegation, { roundId, participantId: ctx.participantIds[role] });
    await ctx.perform(submitDelegationMembers, {
      roundId,
      participantId: ctx.participantIds[role],
      members: [{ nameLatin: name, title: name, isHead: true }],
    });
    fills.push({ id });
    return id;
  };
  await listed(announced.id, "party", marker(ownOf("party")));
  const sentBack = await listed(announced.id, "guarantor", marker(ownOf("guarantor")));
  await ctx.perform(requestDelegationChanges, {
    roundDelegationId: sentBack,
    note: marker(ownOf("guarantor")),
  });
  await listed(planned.id, "observer", marker(ownOf("observer")));
  const accreditedPublic = await listed(announced.id, "international_organization", marker(inPublic));
  await ctx.perform(accreditDelegation, { roundDelegationId: accreditedPublic });
  const accreditedInProcess = await listed(planned.id, "monitor", marker(inProcess));
  await ctx.perform(accreditDelegation, { roundDelegationId: accreditedInProcess });

  const system = systemActor("canary");
  for (const fill of [...fills]) {
    const delegation = await getRoundDelegation(ctx.db, system, fill.id as string);
    for (const member of delegation.members)
      fills.push({ subjectType: "delegation_member", subjectId: member.id });
  }

  const meeting = await ctx.perform(createMeeting, {
    processId,
    slug: "canary-meeting",
    kind: "technical",
    names: { en: marker(inPublic) },
  });
  const participant = await ctx.perform(createParticipant, {
    slug: "canary-participant",
    kind: "state",
    names: { en: marker({ tier: "public", processId: null }) },
  });
  await ctx.perform(createAccount, {
    email: "canary-account@example.org",
    name: marker({ tier: "process", processId: null }),
    password: "canary account passphrase",
  });

  return [
    ...fills,
    { id: processId },
    { subjectType: "process", subjectId: processId },
    ...[planned.id, announced.id].flatMap((id): CanaryFill[] => [
      { id },
      { subjectType: "round", subjectId: id },
    ]),
    { id: meeting.id },
    { subjectType: "meeting", subjectId: meeting.id },
    { id: participant.id },
    { subjectType: "participant", subjectId: participant.id },
  ];
};
