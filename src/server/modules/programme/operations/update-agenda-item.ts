import { eq } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { AgendaItemUpdate } from "../../../../contracts/programme.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { NotFound } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { isSecretariat } from "../policies.ts";
import { programmeAgendaItems, programmePlans } from "../schema.ts";
import { checkDocuments } from "./agenda-support.ts";
import { loadRound } from "./shared.ts";

async function loadItem(tx: Db, actor: Actor, itemId: string) {
  const [item] = await tx
    .select()
    .from(programmeAgendaItems)
    .where(eq(programmeAgendaItems.id, itemId))
    .for("update");
  if (!item) throw new NotFound("Agenda item", itemId);
  return { item, round: await loadRound(tx, actor, item.roundId) };
}

/**
 * programme.agenda.update: the secretariat rewords, reorders or relinks an agenda item. Changing the
 * wording or order of an adopted agenda makes it a proposal again, to be adopted anew.
 */
export const updateAgendaItem = defineOperation({
  name: "programme.agenda.update",
  input: AgendaItemUpdate.extend({ itemId: RecordRef }),
  load: (tx, input, actor) => loadItem(tx, actor, input.itemId),
  authorize: (actor, _input, target) => isSecretariat(actor, target.round.processId),
  scope: (input, target) => ({
    subjectType: "programme_agenda_item",
    subjectId: input.itemId,
    processId: target?.round.processId ?? null,
    tier: "process",
  }),
  run: async (ctx, input, { item, round }) => {
    const documentIds = input.documentIds
      ? await checkDocuments(ctx.tx, round.roundId, input.documentIds)
      : item.documentIds;
    const reworded =
      (input.title !== undefined && input.title !== item.title) ||
      (input.position !== undefined && input.position !== item.position);
    await ctx.tx
      .update(programmeAgendaItems)
      .set({
        title: input.title ?? item.title,
        key: input.key === undefined ? item.key : input.key,
        position: input.position ?? item.position,
        documentIds,
        ...(reworded ? { status: "proposed" as const } : {}),
        updatedAt: new Date(),
      })
      .where(eq(programmeAgendaItems.id, item.id));
    if (reworded)
      await ctx.tx
        .update(programmePlans)
        .set({ agendaAdopted: false })
        .where(eq(programmePlans.roundId, round.roundId));
    ctx.emit({
      type: "programme.agenda.update",
      tier: "process",
      processId: round.processId,
      subjectType: "programme",
      subjectId: round.roundId,
      payload: { roundId: round.roundId },
    });
    return { id: item.id };
  },
});
