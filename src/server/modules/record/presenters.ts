import type { RecordConflict, Source } from "../../../contracts/record.ts";
import { localText } from "../../platform/text-versions.ts";
import { fieldKeyOf } from "./disputes/fields.ts";
import type { conflicts, sources } from "./schema.ts";

/** A source as every response shows it: what a reader needs to find and weigh it. */
export function presentSource(row: typeof sources.$inferSelect): Source {
  return {
    id: row.id,
    url: row.url,
    title: row.title,
    publisher: row.publisher,
    publishedAsShown: row.publishedAsShown,
    published: row.published,
    language: row.language,
  };
}

/** A conflict with each value beside the sources that give it; nothing is picked silently. */
export function presentConflict(
  row: typeof conflicts.$inferSelect,
  ownSources: Source[],
  values: { id: string; value: string; sources: Source[] }[],
): RecordConflict {
  const key = fieldKeyOf(row.field);
  return {
    id: row.id,
    kind: row.kind,
    field: row.field,
    fieldKey: key.field,
    fieldIndex: key.index,
    text: row.text,
    note: row.note,
    localized: {
      text: localText("conflict", row.id, "text", row.text),
      note: localText("conflict", row.id, "note", row.note),
    },
    uncertain: row.uncertain,
    sources: ownSources,
    values,
  };
}

/** The field key under which citations of the subject as a whole are shown (stored as ""). */
export function citationFieldKey(field: string): string {
  return field === "" ? "subject" : field;
}
