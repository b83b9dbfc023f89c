import { eq } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { PublishInput } from "../../../../contracts/texts.ts";
import { Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { canPublish } from "../policies.ts";
import { textDocuments } from "../schema.ts";
import { checkBaseVersion, documentScope, emitChange, loadDocument, logEvent } from "./shared.ts";

/**
 * texts.document.publish: the host secretariat publishes an adopted text to the public record of its
 * round, a separate step after adoption; from then on anyone reads it, with its date and the
 * participants that adopted it (never the negotiation behind it).
 */
export const publishDocument = defineOperation({
  name: "texts.document.publish",
  input: PublishInput.extend({ documentId: RecordRef }),
  load: (tx, input, actor) => loadDocument(tx, input.documentId, actor),
  authorize: (actor, _input, document) => canPublish(actor, document),
  scope: documentScope,
  run: async (ctx, input, document) => {
    if (document.status !== "adopted")
      throw new Conflict(
        document.status === "draft"
          ? "Only an adopted text can be published: adopt it first."
          : "This text is already published.",
        { status: document.status },
        "not_adopted",
      );
    await checkBaseVersion(ctx.tx, document, input.baseVersion);
    const now = new Date();
    const publishedOn = input.publishedOn ?? now.toISOString().slice(0, 10);
    await ctx.tx
      .update(textDocuments)
      .set({ status: "published", publishedOn, publishedAt: now, updatedAt: now })
      .where(eq(textDocuments.id, document.id));
    await logEvent(ctx.tx, {
      documentId: document.id,
      version: document.textVersion,
      type: "document.publish",
      data: { publishedOn },
    });
    ctx.audit({ tier: "public", data: { publishedOn } });
    emitChange(ctx, { ...document, status: "published" }, "texts.document.publish");
    return { id: document.id, version: document.textVersion };
  },
});
