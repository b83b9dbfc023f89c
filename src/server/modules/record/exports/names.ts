// What every export of the record shares: names in the reader's language and the disputed fields of
// a subject, taken from the same conflicts the conflicts page shows.
import type { z } from "zod";
import type { ExportLanguage, ProcessConflicts } from "../../../../contracts/record.ts";
import { subjectKey } from "../subjects.ts";

type Names = { en: string; ru?: string | undefined; ar?: string | undefined };

/** A name in the reader's language where the record has it, otherwise in English (never blank). */
export function nameIn(names: Names, lang: ExportLanguage): string {
  return names[lang] ?? names.en;
}

type Conflict = z.infer<typeof ProcessConflicts>["items"][number];

/** What the record disputes about one subject: the conflicts about it, for an export's columns. */
export type Disputes = { fields: string; conflictIds: string };

/**
 * The conflicts of a process by subject, so each exported row can say which of its values the
 * sources dispute (a `disputed` column) instead of settling them silently. `plan_changed` (an
 * announced date that later changed) is not a dispute and is left out.
 */
export function disputesBySubject(
  conflicts: Conflict[],
): (subjectType: string, subjectId: string) => Disputes {
  const bySubject = new Map<string, Conflict[]>();
  for (const conflict of conflicts) {
    if (conflict.kind === "plan_changed") continue;
    const key = subjectKey(conflict.subject.subjectType, conflict.subject.subjectId);
    bySubject.set(key, [...(bySubject.get(key) ?? []), conflict]);
  }
  return (subjectType, subjectId) => {
    const found = bySubject.get(subjectKey(subjectType, subjectId)) ?? [];
    return {
      fields: [
        ...new Set(found.map((conflict) => conflict.field ?? conflict.kind.replaceAll("_", " "))),
      ].join("; "),
      conflictIds: found.map((conflict) => conflict.id).join("; "),
    };
  };
}
