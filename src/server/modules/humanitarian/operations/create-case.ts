import { and, eq, isNull } from "drizzle-orm";
import { RecordRef } from "../../../../contracts/common.ts";
import { CreateCaseInput } from "../../../../contracts/humanitarian.ts";
import { Conflict, DomainError } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { hasAName, personFingerprint, sealPerson } from "../person.ts";
import { canSubmitFor } from "../policies.ts";
import { humCaseStatus, humCases } from "../schema.ts";
import { byOf, emitPersonChange, loadProcess, loadSide, newId, personScope } from "./shared.ts";

/**
 * humanitarian.case.create: a side registers a person (detained, abducted, missing, deceased) with
 * their personal fields, sealed at rest; the case starts `listed`. A person the side already registered
 * (the same names, sex, birth and origin) is refused with 409 naming that case, not duplicated.
 */
export const createCase = defineOperation({
  name: "humanitarian.case.create",
  input: CreateCaseInput.extend({ processId: RecordRef }),
  load: async (tx, input) => {
    const { processId } = await loadProcess(tx, input.processId);
    return { processId, ...(await loadSide(tx, processId, input.delegationId)) };
  },
  authorize: (actor, _input, target) => canSubmitFor(actor, target.processId, target.delegationId),
  scope: (_input, target) =>
    target
      ? {
          subjectType: "humanitarian.case",
          processId: target.processId,
          delegationId: target.delegationId,
          tier: "intermediary",
        }
      : {},
  run: async (ctx, input, side) => {
    if (!hasAName(input.person))
      throw new DomainError("name_required", 422, "person: give at least one name part, in either script.", {
        field: "person",
      });
    const fingerprint = personFingerprint(side.processId, input.person);
    const [existing] = await ctx.tx
      .select({ id: humCases.id })
      .from(humCases)
      .where(
        and(
          eq(humCases.processId, side.processId),
          eq(humCases.delegationId, side.delegationId),
          eq(humCases.fingerprint, fingerprint),
          isNull(humCases.withdrawnAt),
        ),
      );
    if (existing)
      throw new Conflict(
        "This side already registered this person.",
        { caseId: existing.id },
        "already_a_case",
      );
    const id = newId();
    const row = {
      id,
      processId: side.processId,
      delegationId: side.delegationId,
      participantId: side.participantId,
      tier: "intermediary" as const,
      sharing: input.sharing,
      kind: input.kind,
      personal: sealPerson(input.person, id),
      fingerprint,
    };
    await ctx.tx.insert(humCases).values(row);
    await ctx.tx
      .insert(humCaseStatus)
      .values({ id: newId(), caseId: id, status: "listed", ...byOf(ctx.actor) });
    ctx.audit({ ...personScope("humanitarian.case", row), data: { kind: input.kind } });
    emitPersonChange(ctx, "humanitarian.case.create", "humanitarian.case", row);
    return { id };
  },
});
