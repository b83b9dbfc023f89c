import { randomUUID } from "node:crypto";
import { z } from "zod";
import { coreSchema } from "../../src/server/modules/core/index.ts";
import type { Db } from "../../src/server/platform/db.ts";
import { defineOperation } from "../../src/server/platform/operation.ts";
import { tiers } from "../../src/server/platform/schema.ts";
import { createTestAccount } from "../helpers/app.ts";

export const password = "correct horse battery";

/**
 * A stand-in for a module's operation: it records something about a subject at a chosen tier and
 * emits an event of the same tier, so the platform's audit and live-update rules can be tested
 * without depending on any module's domain.
 */
export const touchRecord = defineOperation({
  name: "test.record.touch",
  input: z.strictObject({
    processId: z.string().nullable(),
    tier: z.enum(tiers),
    subjectId: z.string().default("r1"),
    delegationId: z.string().nullable().default(null),
    eventType: z.string().default("test.record.touch"),
    note: z.string().default(""),
    fail: z.boolean().default(false),
    allowed: z.boolean().default(true),
  }),
  authorize: (_actor, input) => input.allowed,
  scope: (input) => ({
    subjectType: "record",
    subjectId: input.subjectId,
    processId: input.processId,
    delegationId: input.delegationId,
    tier: input.tier,
  }),
  run: async (ctx, input) => {
    ctx.audit({ data: { note: input.note } });
    ctx.emit({
      type: input.eventType,
      tier: input.tier,
      processId: input.processId,
      delegationId: input.delegationId,
      subjectType: "record",
      subjectId: input.subjectId,
      payload: { note: input.note },
    });
    if (input.fail) throw new Error("the operation failed after emitting its event");
    return { ok: true };
  },
});

export type World = {
  processId: string;
  otherProcessId: string;
  accounts: { admin: string; host: string; guarantor: string; observer: string; plain: string };
  delegations: { host: string; guarantor: string; observer: string };
};

/**
 * Two processes hosted by Kazakhstan; in the first, Russia is a guarantor and Jordan an observer.
 * One account per role (plus an administrator and an account with no role), all with `password`.
 */
export async function seedWorld(db: Db): Promise<World> {
  const id = () => randomUUID();
  const kz = id();
  const ru = id();
  const jo = id();
  await db.insert(coreSchema.participants).values([
    { id: kz, slug: `kz-${kz}`, kind: "state", names: { en: "Kazakhstan" } },
    { id: ru, slug: `ru-${ru}`, kind: "state", names: { en: "Russia" } },
    { id: jo, slug: `jo-${jo}`, kind: "state", names: { en: "Jordan" } },
  ]);
  const processId = id();
  const otherProcessId = id();
  await db.insert(coreSchema.processes).values([
    { id: processId, slug: `astana-${processId}`, names: { en: "Astana format" }, hostParticipantId: kz },
    { id: otherProcessId, slug: `other-${otherProcessId}`, names: { en: "Other" }, hostParticipantId: kz },
  ]);
  await db.insert(coreSchema.processRoleAssignments).values([
    { id: id(), processId, participantId: ru, role: "guarantor" },
    { id: id(), processId, participantId: jo, role: "observer" },
  ]);
  const delegations = { host: id(), guarantor: id(), observer: id() };
  await db.insert(coreSchema.delegations).values([
    { id: delegations.host, processId, participantId: kz },
    { id: delegations.guarantor, processId, participantId: ru },
    { id: delegations.observer, processId, participantId: jo },
  ]);
  const accounts = {
    admin: await createTestAccount(db, { email: "admin@example.org", password, isAdmin: true }),
    host: await createTestAccount(db, { email: "secretariat@mfa.kz", password }),
    guarantor: await createTestAccount(db, { email: "envoy@mid.ru", password }),
    observer: await createTestAccount(db, { email: "observer@mfa.jo", password }),
    plain: await createTestAccount(db, { email: "reader@example.org", password }),
  };
  await db.insert(coreSchema.delegationMemberships).values([
    { id: id(), delegationId: delegations.host, accountId: accounts.host },
    { id: id(), delegationId: delegations.guarantor, accountId: accounts.guarantor },
    { id: id(), delegationId: delegations.observer, accountId: accounts.observer },
  ]);
  return { processId, otherProcessId, accounts, delegations };
}
