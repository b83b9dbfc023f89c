import { randomUUID } from "node:crypto";
import { and, eq, max } from "drizzle-orm";
import { CiteSourceInput } from "../../../../contracts/record.ts";
import { Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { citationFieldKey, presentSource } from "../presenters.ts";
import { citations } from "../schema.ts";
import { resolveSourceInput } from "./source-input.ts";
import { bySubjectCurator } from "./subject-target.ts";

/**
 * record.source.cite: the secretariat cites a source (known, or new by its address) for a field of
 * any subject of its process. Citing the same source twice for the same field is refused.
 */
export const citeSource = defineOperation({
  name: "record.source.cite",
  input: CiteSourceInput,
  ...bySubjectCurator,
  run: async (ctx, input, target) => {
    const source = await resolveSourceInput(ctx.tx, input.source, ["source"]);
    const sameSubject = and(
      eq(citations.subjectType, input.subjectType),
      eq(citations.subjectId, input.subjectId),
      eq(citations.field, input.field),
    );
    const [already] = await ctx.tx
      .select({ id: citations.id })
      .from(citations)
      .where(and(sameSubject, eq(citations.sourceId, source.id)))
      .limit(1);
    if (already) {
      throw new Conflict(
        `This source is already cited for ${citationFieldKey(input.field)}.`,
        { field: "source", citationId: already.id },
        "already_cited",
      );
    }
    const [last] = await ctx.tx
      .select({ position: max(citations.position) })
      .from(citations)
      .where(sameSubject);
    const id = randomUUID();
    await ctx.tx.insert(citations).values({
      id,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      field: input.field,
      sourceId: source.id,
      position: (last?.position ?? -1) + 1,
    });
    ctx.audit({ data: { citationId: id, sourceId: source.id, field: input.field, url: source.url } });
    ctx.emit({
      type: "record.source.cite",
      tier: target.subject.tier,
      processId: target.subject.processId,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      payload: { citationId: id, field: input.field },
    });
    return {
      id,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      field: citationFieldKey(input.field),
      source: presentSource(source),
    };
  },
});
