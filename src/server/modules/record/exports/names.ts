// What every export of the record shares: names in the reader's language, and what the record
// disputes about a shown value, taken from the mark the pages' presenters give it.
import type { ExportLanguage } from "../../../../contracts/record.ts";

type Names = { en: string; ru?: string | undefined; ar?: string | undefined };

/** A name in the reader's language where the record has it, otherwise in English (never blank). */
export function nameIn(names: Names, lang: ExportLanguage): string {
  return names[lang] ?? names.en;
}

/** The disputed-value mark a presenter adds to what it shows (`conflicted` and the conflicts). */
type Marked = { conflicts?: { id: string; field: string; derived: boolean }[] | undefined };

/**
 * What the record disputes about a shown record, for an export's `disputed` and `conflict_ids`
 * columns, from the mark the page's presenter gave it: the fields (as the stable keys the pages
 * label, "derived" when the value follows from a disputed one) and the conflicts' ids.
 */
export function disputesOf(marked: Marked): { fields: string; conflictIds: string } {
  const conflicts = marked.conflicts ?? [];
  return {
    fields: [
      ...new Set(
        conflicts.map((conflict) => (conflict.derived ? `${conflict.field} (derived)` : conflict.field)),
      ),
    ].join("; "),
    conflictIds: [...new Set(conflicts.map((conflict) => conflict.id))].join("; "),
  };
}
