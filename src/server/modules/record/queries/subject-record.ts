import { and, asc, eq, inArray, or, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { RecordConflict, Source, SubjectRecord } from "../../../../contracts/record.ts";
import { type Actor, visibleTo } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { type DisputeIndex, disputedMark } from "../../../platform/disputes.ts";
import { localText, preloadTexts } from "../../../platform/text-versions.ts";
import { disputedValues } from "../disputes/rule.ts";
import { citationFieldKey, presentConflict, presentSource } from "../presenters.ts";
import { citations, conflicts, conflictValues, facts, type SubjectType, sources } from "../schema.ts";
import {
  partsOfSubject,
  resolveSubjects,
  type SubjectInfo,
  type SubjectKey,
  subjectKey,
} from "../subjects.ts";

type Body = Omit<SubjectRecord, "subject" | "related">;

function matchingSubjects(
  typeColumn: AnyPgColumn,
  idColumn: AnyPgColumn,
  keys: SubjectKey[],
): SQL | undefined {
  const byType = new Map<string, string[]>();
  for (const key of keys)
    byType.set(key.subjectType, [...(byType.get(key.subjectType) ?? []), key.subjectId]);
  return or(...[...byType].map(([type, ids]) => and(eq(typeColumn, type), inArray(idColumn, ids))));
}

/** Sources cited for each subject, by field, in citation order. */
export async function citationsOf(db: Db, keys: SubjectKey[]): Promise<Map<string, Map<string, Source[]>>> {
  const result = new Map<string, Map<string, Source[]>>();
  if (keys.length === 0) return result;
  const rows = await db
    .select({ citation: citations, source: sources })
    .from(citations)
    .innerJoin(sources, eq(sources.id, citations.sourceId))
    .where(matchingSubjects(citations.subjectType, citations.subjectId, keys))
    .orderBy(asc(citations.position), asc(sources.url));
  for (const { citation, source } of rows) {
    const key = subjectKey(citation.subjectType, citation.subjectId);
    const byField = result.get(key) ?? new Map<string, Source[]>();
    const field = citationFieldKey(citation.field);
    byField.set(field, [...(byField.get(field) ?? []), presentSource(source)]);
    result.set(key, byField);
  }
  return result;
}

/** Conflicts about the given subjects that the actor may see, each value with its sources. */
export async function conflictsOf(
  db: Db,
  actor: Actor,
  where: SQL | undefined,
): Promise<(RecordConflict & { subjectType: SubjectType; subjectId: string; processId: string | null })[]> {
  const rows = await db
    .select()
    .from(conflicts)
    .where(and(where, visibleTo(actor, { tier: conflicts.tier, processId: conflicts.processId })))
    .orderBy(asc(conflicts.subjectType), asc(conflicts.subjectId), asc(conflicts.position));
  if (rows.length === 0) return [];
  await preloadTexts(
    db,
    "conflict",
    rows.map((row) => row.id),
  );
  const values = await db
    .select()
    .from(conflictValues)
    .where(
      inArray(
        conflictValues.conflictId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(conflictValues.position));
  const cited = await citationsOf(db, [
    ...rows.map((row) => ({ subjectType: "conflict" as const, subjectId: row.id })),
    ...values.map((value) => ({ subjectType: "conflict_value" as const, subjectId: value.id })),
  ]);
  const sourcesOf = (type: SubjectType, id: string) => cited.get(subjectKey(type, id))?.get("subject") ?? [];
  return rows.map((row) => ({
    ...presentConflict(
      row,
      sourcesOf("conflict", row.id),
      values
        .filter((value) => value.conflictId === row.id)
        .map((value) => ({
          id: value.id,
          value: value.value,
          sources: sourcesOf("conflict_value", value.id),
        })),
    ),
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    processId: row.processId,
  }));
}

/** Facts, citations by field and conflicts of several subjects at once (four queries in all). */
export async function recordsOf(db: Db, actor: Actor, keys: SubjectKey[]): Promise<Map<string, Body>> {
  const result = new Map<string, Body>();
  for (const key of keys) {
    result.set(subjectKey(key.subjectType, key.subjectId), { facts: [], citations: {}, conflicts: [] });
  }
  if (keys.length === 0) return result;
  const factRows = await db
    .select()
    .from(facts)
    .where(
      and(
        matchingSubjects(facts.subjectType, facts.subjectId, keys),
        visibleTo(actor, { tier: facts.tier, processId: facts.processId }),
      ),
    )
    .orderBy(asc(facts.position));
  await preloadTexts(
    db,
    "fact",
    factRows.map((row) => row.id),
  );
  const cited = await citationsOf(db, [
    ...keys,
    ...factRows.map((row) => ({ subjectType: "fact" as const, subjectId: row.id })),
  ]);
  for (const key of keys) {
    const body = result.get(subjectKey(key.subjectType, key.subjectId));
    if (body)
      body.citations = Object.fromEntries(cited.get(subjectKey(key.subjectType, key.subjectId)) ?? []);
  }
  // A fact that states a disputed value says so: the rule is asked once per process the facts belong to.
  const disputes = new Map<string, DisputeIndex>();
  for (const processId of new Set(factRows.map((row) => row.processId))) {
    if (processId) disputes.set(processId, await disputedValues(db, actor, processId));
  }
  for (const row of factRows) {
    const index = row.processId ? disputes.get(row.processId) : undefined;
    result.get(subjectKey(row.subjectType, row.subjectId))?.facts.push({
      id: row.id,
      kind: row.kind,
      text: row.text,
      localized: { text: localText("fact", row.id, "text", row.text) },
      uncertain: row.uncertain,
      sources: cited.get(subjectKey("fact", row.id))?.get("subject") ?? [],
      ...(index ? disputedMark(index, "fact", row.id, "text") : {}),
    });
  }
  for (const conflict of await conflictsOf(
    db,
    actor,
    matchingSubjects(conflicts.subjectType, conflicts.subjectId, keys),
  )) {
    const { subjectType, subjectId, processId: _processId, ...rest } = conflict;
    result.get(subjectKey(subjectType, subjectId))?.conflicts.push(rest);
  }
  return result;
}

/** The whole sourced record of one visible subject and of its visible parts. */
export async function subjectRecord(db: Db, actor: Actor, subject: SubjectInfo): Promise<SubjectRecord> {
  const parts = [...(await resolveSubjects(db, await partsOfSubject(db, subject), actor)).values()];
  const bodies = await recordsOf(db, actor, [subject, ...parts]);
  const empty: Body = { facts: [], citations: {}, conflicts: [] };
  const ref = (info: SubjectInfo) => ({
    subjectType: info.subjectType,
    subjectId: info.subjectId,
    label: info.label,
    processId: info.processId,
  });
  return {
    subject: ref(subject),
    ...(bodies.get(subjectKey(subject.subjectType, subject.subjectId)) ?? empty),
    related: parts.map((part) => ({
      subject: ref(part),
      ...(bodies.get(subjectKey(part.subjectType, part.subjectId)) ?? empty),
    })),
  };
}
