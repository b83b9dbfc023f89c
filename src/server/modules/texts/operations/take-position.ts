import { and, eq } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { TakePositionInput } from "../../../../contracts/texts.ts";
import { Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { textBracketOptions, textBrackets, textPositions } from "../schema.ts";
import {
  byRuleParticipant,
  emitChange,
  invalidField,
  logEvent,
  newId,
  requireDraft,
  ruleParticipantActing,
} from "./shared.ts";

/**
 * texts.position.take: a delegation named by the consensus rule says where it stands on one option of
 * an open bracket (supports, objects, reserves, can accept); a second position replaces its first. A
 * position does not change the text, so positions taken at once are all recorded; one on a bracket
 * resolved since is refused (409), and a delegation outside the rule is refused.
 */
export const takePosition = defineOperation({
  name: "texts.position.take",
  input: TakePositionInput.extend({ documentId: RecordRef }),
  ...byRuleParticipant,
  run: async (ctx, input, document) => {
    requireDraft(document);
    const participant = ruleParticipantActing(ctx.actor, document, input.asParticipantId, "takes positions");
    const [row] = await ctx.tx
      .select({ option: textBracketOptions, bracket: textBrackets })
      .from(textBracketOptions)
      .innerJoin(textBrackets, eq(textBrackets.id, textBracketOptions.bracketId))
      .where(and(eq(textBracketOptions.id, input.optionId), eq(textBrackets.documentId, document.id)))
      .limit(1);
    if (!row) throw invalidField("optionId", `There is no option ${input.optionId} in this text.`);
    if (row.bracket.state !== "open" || row.option.withdrawnAt !== null)
      throw new Conflict(
        "That option is no longer open: its bracket was resolved or the option withdrawn. Reload the current text.",
        { optionId: row.option.id, currentVersion: document.textVersion },
        "option_closed",
      );
    await ctx.tx
      .insert(textPositions)
      .values({ id: newId(), optionId: row.option.id, participantId: participant, stance: input.stance })
      .onConflictDoUpdate({
        target: [textPositions.optionId, textPositions.participantId],
        set: { stance: input.stance, updatedAt: new Date() },
      });
    await logEvent(ctx.tx, {
      documentId: document.id,
      version: document.textVersion,
      type: "position.take",
      participantId: participant,
      data: { optionId: row.option.id, bracketId: row.bracket.id, stance: input.stance },
    });
    ctx.audit({ data: { optionId: row.option.id, stance: input.stance, participant } });
    emitChange(ctx, document, "texts.position.take", { bracketId: row.bracket.id });
    return { id: row.option.id, version: document.textVersion };
  },
});
