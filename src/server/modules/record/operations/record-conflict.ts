import { randomUUID } from "node:crypto";
import { and, eq, max } from "drizzle-orm";
import { RecordConflictInput } from "../../../../contracts/record.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { presentConflict, presentSource } from "../presenters.ts";
import { citations, conflicts, conflictValues } from "../schema.ts";
import { resolveSourceInput } from "./source-input.ts";
import { bySubjectCurator } from "./subject-target.ts";

/**
 * record.conflict.record: the secretariat records where sources disagree (or a plan changed, or one
 * source leaves a fact open): each value side by side with the sources that give it, in the tier of
 * the subject. Nothing is chosen for the reader.
 */
export const recordConflict = defineOperation({
  name: "record.conflict.record",
  input: RecordConflictInput,
  ...bySubjectCurator,
  run: async (ctx, input, target) => {
    const processId =
      target.subject.processId ?? (target.processIds.length === 1 ? target.processIds[0] : null);
    const [last] = await ctx.tx
      .select({ position: max(conflicts.position) })
      .from(conflicts)
      .where(and(eq(conflicts.subjectType, input.subjectType), eq(conflicts.subjectId, input.subjectId)));
    const id = randomUUID();
    const [row] = await ctx.tx
      .insert(conflicts)
      .values({
        id,
        processId: processId ?? null,
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        kind: input.kind,
        field: input.field ?? null,
        text: input.text,
        note: input.note ?? null,
        uncertain: input.uncertain,
        position: (last?.position ?? -1) + 1,
        tier: target.subject.tier,
      })
      .returning();
    if (!row) throw new Error("insert returned no conflict");
    const cite = async (
      subjectType: "conflict" | "conflict_value",
      subjectId: string,
      sourceIds: string[],
    ) => {
      const unique = [...new Set(sourceIds)];
      if (unique.length === 0) return;
      await ctx.tx.insert(citations).values(
        unique.map((sourceId, position) => ({
          id: randomUUID(),
          subjectType,
          subjectId,
          field: "",
          sourceId,
          position,
        })),
      );
    };
    const ownSources = [];
    for (const [index, source] of input.sources.entries()) {
      ownSources.push(await resolveSourceInput(ctx.tx, source, ["sources", index]));
    }
    await cite(
      "conflict",
      id,
      ownSources.map((source) => source.id),
    );
    const values = [];
    for (const [index, value] of input.values.entries()) {
      const valueId = randomUUID();
      await ctx.tx
        .insert(conflictValues)
        .values({ id: valueId, conflictId: id, position: index, value: value.value });
      const valueSources = [];
      for (const [sourceIndex, source] of value.sources.entries()) {
        valueSources.push(
          await resolveSourceInput(ctx.tx, source, ["values", index, "sources", sourceIndex]),
        );
      }
      await cite(
        "conflict_value",
        valueId,
        valueSources.map((source) => source.id),
      );
      values.push({ id: valueId, value: value.value, sources: dedupe(valueSources).map(presentSource) });
    }
    ctx.audit({
      data: { conflictId: id, kind: input.kind, field: input.field ?? null, values: values.length },
    });
    ctx.emit({
      type: "record.conflict.record",
      tier: target.subject.tier,
      processId: processId ?? null,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      payload: { conflictId: id, kind: input.kind },
    });
    return {
      ...presentConflict(row, dedupe(ownSources).map(presentSource), values),
      subject: {
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        label: target.subject.label,
        processId: target.subject.processId,
      },
    };
  },
});

function dedupe<Row extends { id: string }>(rows: Row[]): Row[] {
  return rows.filter((row, index) => rows.findIndex((other) => other.id === row.id) === index);
}
