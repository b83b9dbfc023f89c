import { RecordRef } from "../../../../contracts/common.ts";
import { AgendaItemInput } from "../../../../contracts/programme.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { programmeAgendaItems } from "../schema.ts";
import { checkDocuments, nextPosition } from "./agenda-support.ts";
import { bySecretariatOfRound, newId } from "./shared.ts";

/**
 * programme.agenda.propose: the secretariat proposes an item of the round's agenda (as the sources name
 * it), at the end or at a position, optionally linked to the round's negotiated texts under it. An item
 * added after the agenda's adoption makes it a proposal again until it is adopted anew.
 */
export const proposeAgendaItem = defineOperation({
  name: "programme.agenda.propose",
  input: AgendaItemInput.extend({ roundId: RecordRef }),
  ...bySecretariatOfRound,
  run: async (ctx, input, target) => {
    const documentIds = await checkDocuments(ctx.tx, target.roundId, input.documentIds ?? []);
    const id = newId();
    await ctx.tx.insert(programmeAgendaItems).values({
      id,
      roundId: target.roundId,
      processId: target.processId,
      position: input.position ?? (await nextPosition(ctx.tx, target.roundId)),
      title: input.title,
      key: input.key ?? null,
      documentIds,
    });
    ctx.audit({ subjectType: "programme_agenda_item", subjectId: id });
    ctx.emit({
      type: "programme.agenda.propose",
      tier: "process",
      processId: target.processId,
      subjectType: "programme",
      subjectId: target.roundId,
      payload: { roundId: target.roundId },
    });
    return { id };
  },
});
