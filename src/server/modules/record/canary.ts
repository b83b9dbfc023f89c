// record's part of the canary test: sources and conflicts at the tiers of what they are about.

import { systemActor } from "../../platform/authz.ts";
import type { AppModule, CanaryFill } from "../../platform/module.ts";
import {
  announceRound,
  getRoundDelegation,
  inviteDelegation,
  planRound,
  submitDelegationMembers,
} from "../core/index.ts";
import { citeSource } from "./operations/cite-source.ts";
import { recordConflict } from "./operations/record-conflict.ts";

/**
 * A source takes the widest tier of what cites it: one cited only for a planned round (process
 * tier), one for an announced round (public), one for a member of a delegation's own list (that
 * delegation's and the secretariat's); a conflict about the planned round (process tier).
 */
export const recordCanary: NonNullable<AppModule["canary"]> = async (ctx, marker) => {
  const { processId } = ctx;
  const inProcess = { tier: "process", processId } as const;
  const inPublic = { tier: "public", processId } as const;
  const own = {
    tier: "delegation",
    processId,
    delegationId: ctx.delegationIds.party,
    alsoSecretariat: true,
  } as const;
  const dates = { startDate: "2032-03-01", endDate: "2032-03-02" };
  const planned = await ctx.perform(planRound, {
    processId,
    number: 201,
    names: { en: "Canary 201" },
    ...dates,
  });
  const announced = await ctx.perform(planRound, {
    processId,
    number: 202,
    names: { en: "Canary 202" },
    ...dates,
  });
  await ctx.perform(announceRound, { roundId: announced.id, publishedOn: "2032-01-01", text: "Announced." });
  const invited = await ctx.perform(inviteDelegation, {
    roundId: announced.id,
    participantId: ctx.participantIds.party,
  });
  await ctx.perform(submitDelegationMembers, {
    roundId: announced.id,
    participantId: ctx.participantIds.party,
    members: [{ nameLatin: "Canary member", isHead: true }],
  });
  const [member] = (await getRoundDelegation(ctx.db, systemActor("canary"), invited.id)).members;
  if (!member) throw new Error("the canary's delegation list has no member");

  let sources = 0;
  const cite = async (subjectType: "round" | "delegation_member", subjectId: string, title: string) => {
    sources += 1;
    const cited = await ctx.perform(citeSource, {
      subjectType,
      subjectId,
      field: "",
      source: { url: `https://canary.example.org/source-${sources}`, title },
    });
    return cited.source.id;
  };
  const fills: CanaryFill[] = [
    { id: await cite("round", planned.id, marker(inProcess)) },
    { id: await cite("round", announced.id, marker(inPublic)) },
    { id: await cite("delegation_member", member.id, marker(own)) },
  ];

  const conflict = await ctx.perform(recordConflict, {
    subjectType: "round",
    subjectId: planned.id,
    kind: "disagreement",
    field: "dates",
    text: marker(inProcess),
    values: [
      { value: marker(inProcess), sources: [{ url: "https://canary.example.org/value-1" }] },
      { value: marker(inProcess), sources: [{ url: "https://canary.example.org/value-2" }] },
    ],
  });
  return [
    ...fills,
    { subjectType: "round", subjectId: planned.id },
    { subjectType: "round", subjectId: announced.id },
    { subjectType: "delegation_member", subjectId: member.id },
    { subjectType: "conflict", subjectId: conflict.id },
  ];
};
