// programme's part of the canary test: a round with a public plenary and room, a process-wide working
// group, a closed bilateral (guarantor and party), a request between them, a proposed agenda item and a
// provisional session only the secretariat sees, each carrying markers in every field shown.
import type { AppModule, CanaryFill } from "../../platform/module.ts";
import {
  accreditDelegation,
  announceRound,
  inviteDelegation,
  planRound,
  submitDelegationMembers,
} from "../core/index.ts";
import { addRoom } from "./operations/add-room.ts";
import { adoptAgenda } from "./operations/adopt-agenda.ts";
import { configureProgramme } from "./operations/configure-programme.ts";
import { createSession } from "./operations/create-session.ts";
import { fileRequest } from "./operations/file-request.ts";
import { proposeAgendaItem } from "./operations/propose-agenda-item.ts";
import { publishProgramme } from "./operations/publish-programme.ts";

/**
 * In the canary's cast each role has one participant, so "observers-excluded" is exactly the host, the
 * guarantor and the party: the closed bilateral between the guarantor and the party and their request.
 */
export const programmeCanary: NonNullable<AppModule["canary"]> = async (ctx, marker) => {
  const { processId, participantIds } = ctx;
  const open = { tier: "public", processId } as const;
  const process = { tier: "process", processId } as const;
  const pair = { tier: "observers-excluded", processId } as const;
  const secretariatOnly = { tier: "delegation", processId, delegationId: ctx.delegationIds.host } as const;
  const round = await ctx.perform(planRound, {
    processId,
    number: 302,
    names: { en: "Canary 302" },
    startDate: "2033-05-10",
    endDate: "2033-05-11",
  });
  await ctx.perform(announceRound, { roundId: round.id, publishedOn: "2033-04-01", text: "Announced." });
  for (const role of ["guarantor", "party", "observer"] as const) {
    await ctx.perform(inviteDelegation, { roundId: round.id, participantId: participantIds[role] });
    const submitted = await ctx.perform(submitDelegationMembers, {
      roundId: round.id,
      participantId: participantIds[role],
      members: [{ nameLatin: `Head of the ${role}`, isHead: true }],
    });
    await ctx.perform(accreditDelegation, { roundDelegationId: submitted.id });
  }
  await ctx.perform(configureProgramme, {
    roundId: round.id,
    days: [
      { date: "2033-05-10", from: "09:00", to: "18:00", breaks: [] },
      { date: "2033-05-11", from: "09:00", to: "18:00", breaks: [] },
    ],
  });
  const room = await ctx.perform(addRoom, { roundId: round.id, name: marker(open), capacity: 60 });
  await ctx.perform(proposeAgendaItem, { roundId: round.id, title: marker(open) });
  await ctx.perform(adoptAgenda, { roundId: round.id });
  await ctx.perform(proposeAgendaItem, { roundId: round.id, title: marker(process) });
  const at = (day: string, time: string) => `${day}T${time}:00+05:00`;
  await ctx.perform(createSession, {
    roundId: round.id,
    kind: "plenary",
    title: marker(open),
    startsAt: at("2033-05-11", "15:00"),
    endsAt: at("2033-05-11", "16:00"),
    roomId: room.id,
  });
  await ctx.perform(createSession, {
    roundId: round.id,
    kind: "working_group",
    title: marker(process),
    tier: "process",
    startsAt: at("2033-05-10", "09:00"),
    endsAt: at("2033-05-10", "10:00"),
    participantIds: [participantIds.guarantor, participantIds.observer],
  });
  await ctx.perform(createSession, {
    roundId: round.id,
    kind: "bilateral",
    title: marker(pair),
    startsAt: at("2033-05-10", "11:00"),
    endsAt: at("2033-05-10", "12:00"),
    participantIds: [participantIds.guarantor, participantIds.party],
  });
  await ctx.perform(fileRequest, {
    roundId: round.id,
    requesterId: participantIds.guarantor,
    inviteeIds: [participantIds.party],
    durationMinutes: 60,
    note: marker(pair),
  });
  await ctx.perform(publishProgramme, { roundId: round.id });
  await ctx.perform(createSession, {
    roundId: round.id,
    kind: "reception",
    title: marker(secretariatOnly),
    startsAt: at("2033-05-10", "17:00"),
    endsAt: at("2033-05-10", "18:00"),
  });
  const fills: CanaryFill[] = [
    { id: round.id },
    { id: round.id, participant: participantIds.guarantor },
    { id: round.id, participant: participantIds.observer },
  ];
  return fills;
};
