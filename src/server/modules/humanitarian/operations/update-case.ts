import { eq } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { UpdateCaseInput } from "../../../../contracts/humanitarian.ts";
import { DomainError, StaleVersion } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { hasAName, personFingerprint, sealPerson } from "../person.ts";
import { canUpdateCase } from "../policies.ts";
import { humCases } from "../schema.ts";
import { type CaseRow, emitPersonChange, loadReadableCase, personScope, requireActive } from "./shared.ts";

/**
 * humanitarian.case.update: the side or the intermediary corrects a case's personal fields, kind or
 * sharing, naming the version it read (a change based on an older read is refused). The audit says
 * which parts changed, never their values.
 */
export const updateCase = defineOperation({
  name: "humanitarian.case.update",
  input: UpdateCaseInput.extend({ caseId: RecordRef }),
  load: (tx, input, actor) => loadReadableCase(tx, actor, input.caseId),
  authorize: (actor, _input, row: CaseRow) => canUpdateCase(actor, row),
  scope: (_input, row) => personScope("humanitarian.case", row),
  run: async (ctx, input, row) => {
    requireActive(row);
    if (row.version !== input.version) throw new StaleVersion("Case", input.version, row.version);
    const changes: Partial<typeof humCases.$inferInsert> = {};
    if (input.person) {
      if (!hasAName(input.person))
        throw new DomainError(
          "name_required",
          422,
          "person: give at least one name part, in either script.",
          {
            field: "person",
          },
        );
      changes.personal = sealPerson(input.person, row.id);
      changes.fingerprint = personFingerprint(row.processId, input.person);
    }
    if (input.kind) changes.kind = input.kind;
    if (input.sharing) changes.sharing = input.sharing;
    await ctx.tx
      .update(humCases)
      .set({ ...changes, version: row.version + 1, updatedAt: new Date() })
      .where(eq(humCases.id, row.id));
    ctx.audit({
      data: { changed: Object.keys(changes).map((key) => (key === "personal" ? "person" : key)) },
    });
    emitPersonChange(ctx, "humanitarian.case.update", "humanitarian.case", row);
    return { id: row.id, version: row.version + 1 };
  },
});
