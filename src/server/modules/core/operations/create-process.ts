import { eq } from "drizzle-orm";
import { CreateProcessInput } from "../../../../contracts/process.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { canCreateProcess } from "../policies.ts";
import { delegations, processes, processRoleAssignments } from "../schema.ts";
import {
  duplicateField,
  findParticipantForField,
  invalidField,
  newId,
  type ParticipantRow,
} from "./support.ts";

/**
 * core.process.create: an administrator opens a process with its host (whose delegation becomes its
 * secretariat) and, optionally, its guarantors. The process starts active; its launch is a decision
 * recorded separately (core.process.launch).
 */
export const createProcess = defineOperation({
  name: "core.process.create",
  input: CreateProcessInput,
  authorize: (actor) => canCreateProcess(actor),
  scope: () => ({ subjectType: "process", tier: "public" }),
  run: async (ctx, input) => {
    const [taken] = await ctx.tx
      .select({ id: processes.id })
      .from(processes)
      .where(eq(processes.slug, input.slug))
      .limit(1);
    if (taken) throw duplicateField("slug", `A process with the address ${input.slug} already exists.`);
    const host = await findParticipantForField(ctx.tx, input.hostParticipantId, "hostParticipantId");
    const guarantors: ParticipantRow[] = [];
    for (const [index, ref] of (input.guarantorIds ?? []).entries()) {
      const guarantor = await findParticipantForField(ctx.tx, ref, ["guarantorIds", index]);
      if (guarantor.id === host.id) {
        throw invalidField(["guarantorIds", index], "The host cannot also be listed as a guarantor.");
      }
      if (!guarantors.some((known) => known.id === guarantor.id)) guarantors.push(guarantor);
    }
    const id = newId();
    await ctx.tx.insert(processes).values({
      id,
      slug: input.slug,
      names: input.names,
      hostParticipantId: host.id,
      defaultCity: input.defaultCity ?? null,
      defaultVenue: input.defaultVenue ?? null,
      timezone: input.timezone ?? "UTC",
      launchedOn: input.launchedOn ?? null,
    });
    await ctx.tx.insert(delegations).values({ id: newId(), processId: id, participantId: host.id });
    for (const guarantor of guarantors) {
      await ctx.tx.insert(processRoleAssignments).values({
        id: newId(),
        processId: id,
        participantId: guarantor.id,
        role: "guarantor",
        fromDate: input.launchedOn ?? null,
      });
    }
    ctx.audit({ subjectId: id, processId: id, data: { slug: input.slug, host: host.slug } });
    ctx.emit({
      type: "core.process.create",
      tier: "public",
      processId: id,
      subjectType: "process",
      subjectId: id,
      payload: { slug: input.slug },
    });
    return { id };
  },
});
