// humanitarian's part of the canary test: persons of both sides — a case registered by the party, one
// by a second side made for the test, a list with its rows, a status change's evidence — each carrying
// a marker only its side and the neutral intermediary may see; two lists of the second side, one shared
// with the working group (the guarantors and the UN read it, the party — the other side — and the public
// never) and one not (the working group reads it no more than the party does); and an exchange between
// the two sides whose detail must show each person only to who reads that person's case.
import { Readable } from "node:stream";
import { systemActor } from "../../platform/authz.ts";
import type { AppModule, CanaryFill } from "../../platform/module.ts";
import { assignRole, createParticipant, standingDelegationIdsOf } from "../core/index.ts";
import { importListFile } from "./list-import.ts";
import { addExchangePerson } from "./operations/add-exchange-person.ts";
import { changeCaseStatus } from "./operations/change-case-status.ts";
import { confirmRelease } from "./operations/confirm-release.ts";
import { createCase } from "./operations/create-case.ts";
import { planExchange } from "./operations/plan-exchange.ts";
import { workingGroupRoles } from "./policies.ts";

/**
 * The party's case and list, a second side's case and two lists (the party must never see them), and an
 * exchange of the two. Persons are `intermediary`-tier records of their side; the shared list's markers
 * also name the working group's roles (`alsoRoles`), which the canary requires to read it.
 */
export const humanitarianCanary: NonNullable<AppModule["canary"]> = async (ctx, marker) => {
  const { processId } = ctx;
  const party = ctx.delegationIds.party;
  const second = await ctx.perform(createParticipant, {
    slug: "cast-second-side",
    kind: "party",
    names: { en: "Cast second side" },
  });
  await ctx.perform(assignRole, { processId, participantId: second.id, role: "party" });
  const secondSide = (await standingDelegationIdsOf(ctx.db, processId, [second.id])).get(second.id) ?? "";
  const of = (delegationId: string) => ({ tier: "intermediary", processId, delegationId }) as const;

  const partyCase = await ctx.perform(createCase, {
    processId,
    delegationId: party,
    kind: "detained",
    person: {
      arabic: { given: marker(of(party)) },
      latin: { family: marker(of(party)) },
      origin: marker(of(party)),
    },
  });
  await ctx.perform(changeCaseStatus, {
    caseId: partyCase.id,
    status: "located",
    evidence: marker(of(party)),
  });
  const secondCase = await ctx.perform(createCase, {
    processId,
    delegationId: secondSide,
    kind: "missing",
    person: { latin: { given: marker(of(secondSide)) } },
  });
  const csv = `given_latin,family_ar,birth\n${marker(of(party))},${marker(of(party))},1980\n`;
  const list = await importListFile(ctx.db, systemActor("canary"), {
    processId,
    delegationId: party,
    title: marker(of(party)),
    fileName: "canary.csv",
    format: "csv",
    dryRun: false,
    source: Readable.from([Buffer.from(csv)]),
  });
  const workingGroup = { ...of(secondSide), alsoRoles: [...workingGroupRoles] };
  const secondLists = [];
  for (const [sharing, scope] of [
    ["working_group", workingGroup],
    ["side", of(secondSide)],
  ] as const) {
    const rows = `given_ar,family_latin,origin,birth\n${marker(scope)},${marker(scope)},${marker(scope)},1975\n`;
    const imported = await importListFile(ctx.db, systemActor("canary"), {
      processId,
      delegationId: secondSide,
      title: marker(scope),
      fileName: `canary-${sharing}.csv`,
      format: "csv",
      sharing,
      dryRun: false,
      source: Readable.from([Buffer.from(rows)]),
    });
    secondLists.push({ id: imported.listId ?? "" });
  }
  const exchange = await ctx.perform(planExchange, {
    processId,
    on: "2034-04-01",
    place: "Canary crossing",
    firstDelegationId: party,
    secondDelegationId: secondSide,
    firstReleases: 1,
    secondReleases: 1,
  });
  const released = await ctx.perform(addExchangePerson, {
    exchangeId: exchange.id,
    caseId: secondCase.id,
    releasingDelegationId: party,
  });
  await ctx.perform(addExchangePerson, {
    exchangeId: exchange.id,
    caseId: partyCase.id,
    releasingDelegationId: secondSide,
  });
  await ctx.perform(confirmRelease, { personId: released.id });
  const fills: CanaryFill[] = [
    { id: partyCase.id },
    { id: secondCase.id },
    { id: list.listId ?? "" },
    ...secondLists,
    { id: exchange.id },
  ];
  return fills;
};
