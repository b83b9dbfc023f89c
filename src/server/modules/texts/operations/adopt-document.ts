import { and, eq, isNull } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { VersionOnlyInput } from "../../../../contracts/texts.ts";
import { Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { textDocuments, textParagraphs, textVersions } from "../schema.ts";
import { adoptable, adoptionFacts } from "./adoption.ts";
import {
  byPenHolder,
  checkBaseVersion,
  emitChange,
  logEvent,
  newId,
  requireDraft,
  snapshotOf,
} from "./shared.ts";

/**
 * texts.document.adopt: the pen-holder records the adoption, refused (409, saying what remains) while
 * any bracket remains or any participant named by the rule has not approved this very version —
 * nothing is agreed until everything is agreed. Every paragraph becomes agreed, the text is frozen as
 * the adopted version with the participants that adopted it. The process record has no operation for a
 * round's decisions yet, so the adoption is recorded here (the document, its frozen version and the
 * domain event); a later slice may cite it from the record.
 */
export const adoptDocument = defineOperation({
  name: "texts.document.adopt",
  input: VersionOnlyInput.extend({ documentId: RecordRef }),
  ...byPenHolder,
  run: async (ctx, input, document) => {
    requireDraft(document);
    await checkBaseVersion(ctx.tx, document, input.baseVersion);
    const facts = await adoptionFacts(ctx.tx, document);
    if (!adoptable(facts))
      throw new Conflict(
        `The text cannot be adopted yet: ${[
          facts.openBrackets > 0 ? `${facts.openBrackets} bracket(s) remain` : "",
          facts.missingApprovals.length > 0
            ? `${facts.missingApprovals.length} participant(s) named by the rule have not approved this version`
            : "",
        ]
          .filter(Boolean)
          .join("; ")}.`,
        facts,
        "not_adoptable",
      );
    const now = new Date();
    await ctx.tx
      .update(textParagraphs)
      .set({ state: "agreed", updatedAt: now })
      .where(and(eq(textParagraphs.documentId, document.id), isNull(textParagraphs.removedInVersion)));
    const adoptedBy = [...document.ruleParticipantIds];
    await ctx.tx
      .update(textDocuments)
      .set({
        status: "adopted",
        adoptedVersion: document.textVersion,
        adoptedAt: now,
        adoptedBy,
        updatedAt: now,
      })
      .where(eq(textDocuments.id, document.id));
    await ctx.tx.insert(textVersions).values({
      id: newId(),
      documentId: document.id,
      number: document.textVersion,
      kind: "adopted",
      snapshot: await snapshotOf(ctx.tx, document),
      adoptedBy,
    });
    await logEvent(ctx.tx, {
      documentId: document.id,
      version: document.textVersion,
      type: "document.adopt",
      data: { adoptedBy },
    });
    ctx.audit({ data: { version: document.textVersion, adoptedBy } });
    emitChange(ctx, { ...document, status: "adopted" }, "texts.document.adopt");
    return { id: document.id, version: document.textVersion };
  },
});
