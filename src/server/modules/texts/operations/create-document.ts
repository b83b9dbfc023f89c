import { RecordRef } from "../../../../contracts/common.ts";
import { CreateDocumentInput, type RuleRole } from "../../../../contracts/texts.ts";
import type { ProcessRole } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { findVisibleRound, roleAssignmentsOfProcess, standingDelegationIdsOf } from "../../core/index.ts";
import { splitPlainText } from "../model.ts";
import { canCreateDocument, defaultDraftTier, defaultRule, roleOpensTier } from "../policies.ts";
import { textDocuments, textEvents, textParagraphs } from "../schema.ts";
import { emitChange, invalidField, logEvent, newEId, newId } from "./shared.ts";

/** The participants holding the rule's roles in the process today (the host is the process's host participant). */
async function resolveRule(
  db: Db,
  processId: string,
  hostParticipantId: string,
  roles: RuleRole[],
): Promise<string[]> {
  const today = new Date().toISOString().slice(0, 10);
  const current = (await roleAssignmentsOfProcess(db, processId)).filter(
    (row) =>
      (row.fromDate === null || row.fromDate <= today) &&
      (row.toDate === null || row.toDate >= today) &&
      roles.includes(row.role as RuleRole),
  );
  const ids = new Set(current.map((row) => row.participantId));
  if (roles.includes("host")) ids.add(hostParticipantId);
  return [...ids].sort();
}

/**
 * texts.document.create: the round's secretariat opens a negotiated document with its consensus rule
 * (resolved now to the participants who must approve), its draft's tier (the joint statement's:
 * the guarantors, with the secretariat holding the pen) and optional facilitators; a pasted plain text
 * is split into preambular and operative paragraphs as a person would. Every participant the rule names
 * must be able to read the draft, or the rule could never be met.
 */
export const createDocument = defineOperation({
  name: "texts.document.create",
  input: CreateDocumentInput.extend({ roundId: RecordRef }),
  load: async (tx, input, actor) => findVisibleRound(tx, actor, input.roundId),
  authorize: (actor, _input, target) => canCreateDocument(actor, target.process.id),
  scope: (_input, target) => ({
    subjectType: "round",
    subjectId: target?.round.id,
    processId: target?.process.id ?? null,
    tier: "process",
  }),
  run: async (ctx, input, { round, process }) => {
    const tier = input.tier ?? defaultDraftTier(input.kind);
    if (tier === "delegation" || tier === "intermediary")
      throw invalidField(
        "tier",
        "A draft is shared by several delegations: choose public, process, observers-excluded or guarantors.",
      );
    const roles = input.rule ?? defaultRule(input.kind);
    for (const role of roles)
      if (role !== "host" && !roleOpensTier(role as ProcessRole, tier))
        throw invalidField(
          "rule",
          `The rule names every ${role}, but the draft's tier (${tier}) hides it from them.`,
        );
    const ruleParticipantIds = await resolveRule(ctx.tx, process.id, process.hostParticipantId, roles);
    if (ruleParticipantIds.length === 0)
      throw invalidField(
        "rule",
        `No participant holds the role ${roles.join(" or ")} in this process today.`,
      );
    const facilitators = [...new Set(input.facilitatorParticipantIds ?? [])];
    const readers = await standingDelegationIdsOf(ctx.tx, process.id, [
      process.hostParticipantId,
      ...facilitators,
    ]);
    for (const facilitator of facilitators)
      if (!readers.has(facilitator))
        throw invalidField(
          "facilitatorParticipantIds",
          `Participant ${facilitator} has no delegation in this process.`,
        );
    const paragraphs = input.plainText ? splitPlainText(input.plainText) : [];
    if (paragraphs.length > 5_000)
      throw invalidField("plainText", "At most 5,000 paragraphs can be imported at once.");
    const id = newId();
    const [document] = await ctx.tx
      .insert(textDocuments)
      .values({
        id,
        processId: process.id,
        roundId: round.id,
        kind: input.kind,
        title: input.title,
        language: input.language,
        tier,
        ruleRoles: roles,
        ruleParticipantIds,
        facilitatorParticipantIds: facilitators,
        readerDelegationIds: [...new Set(readers.values())],
      })
      .returning();
    if (!document) throw new Error("the document was not stored");
    const rows = paragraphs.map((paragraph, index) => ({
      id: newId(),
      documentId: id,
      eId: newEId(),
      kind: paragraph.kind,
      orderKey: index + 1,
      body: paragraph.body.slice(0, 20_000),
      state: "draft" as const,
      createdInVersion: 1,
      revisedInVersion: 1,
    }));
    if (rows.length > 0) await ctx.tx.insert(textParagraphs).values(rows);
    await logEvent(ctx.tx, {
      documentId: id,
      version: 1,
      type: "document.create",
      data: { title: input.title, paragraphs: rows.length },
    });
    if (rows.length > 0)
      await ctx.tx.insert(textEvents).values(
        rows.map((row) => ({
          documentId: id,
          version: 1,
          type: "paragraph.import",
          paragraphId: row.id,
          paragraph: { ...row, removed: false, brackets: [] },
        })),
      );
    ctx.audit({
      subjectType: "text_document",
      subjectId: id,
      processId: process.id,
      tier,
      data: { kind: input.kind, paragraphs: paragraphs.length },
    });
    emitChange(ctx, document, "texts.document.create");
    return { id, version: 1, paragraphs: paragraphs.length };
  },
});
