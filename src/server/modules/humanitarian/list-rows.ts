// A list row, from the file's cells to a person: the column mapping (the uploader's columns onto ours),
// then every field checked. A row is rejected (with why) when it has no name, a value that cannot be
// read (a date, a sex, a kind) or an ambiguous day/month; it is kept with a flag when a name mixes
// scripts or a date was read by the uploader's stated order. Findings name fields and codes, never values.

import { hasControlCharacters } from "../../../contracts/common.ts";
import {
  type CaseKind,
  type ColumnMapping,
  caseKinds,
  type ListColumn,
  listColumns,
  type PersonFields,
  type RowFinding,
} from "../../../contracts/humanitarian.ts";
import { BadRequest } from "../../platform/errors.ts";
import { type DayMonthOrder, readDate } from "./dates.ts";
import { hasAName, scriptsOf } from "./person.ts";

/** A header as compared: case, spaces, underscores and hyphens ignored. */
export function headerKey(text: string): string {
  return text
    .normalize("NFC")
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "_");
}

/** Our column → the position of the file's column that feeds it. */
export type ResolvedMapping = {
  positions: Partial<Record<ListColumn, number>>;
  used: Record<string, string>;
};

/**
 * Resolves the uploader's mapping against the file's header: each of our columns is read from the
 * column the mapping names, or else from a column bearing our name (our template). A mapping naming a
 * column the file lacks, or a file none of whose columns give a name, is refused whole (400).
 */
export function resolveMapping(
  header: string[],
  mapping: ColumnMapping,
): ResolvedMapping & { unmapped: string[] } {
  const byKey = new Map<string, number>();
  header.forEach((name, index) => {
    const key = headerKey(name);
    if (key && !byKey.has(key)) byKey.set(key, index);
  });
  const positions: Partial<Record<ListColumn, number>> = {};
  const used: Record<string, string> = {};
  const missing: string[] = [];
  for (const column of listColumns) {
    const theirs = mapping[column];
    const position = byKey.get(headerKey(theirs ?? column));
    if (theirs && position === undefined) missing.push(column);
    if (position !== undefined) {
      positions[column] = position;
      used[column] = header[position] ?? column;
    }
  }
  if (missing.length > 0)
    throw new BadRequest(
      `mapping: the file has no column named as mapped for ${missing.join(", ")}.`,
      { missing, header },
      "unknown_column",
    );
  const nameColumns = listColumns.filter((column) => /_(ar|latin)$/.test(column));
  if (!nameColumns.some((column) => positions[column] !== undefined))
    throw new BadRequest(
      `The file has no name column: map at least one of ${nameColumns.join(", ")} (our template's header uses these names).`,
      { header },
      "no_name_columns",
    );
  const mappedPositions = new Set(Object.values(positions));
  const unmapped = header.filter((_, index) => !mappedPositions.has(index));
  return { positions, used, unmapped };
}

const sexes: Record<string, "male" | "female"> = {
  m: "male",
  male: "male",
  man: "male",
  ذكر: "male",
  ذ: "male",
  f: "female",
  female: "female",
  woman: "female",
  أنثى: "female",
  انثى: "female",
  أنثي: "female",
  انثي: "female",
  أ: "female",
};
const kindWords: Record<string, CaseKind> = {
  ...Object.fromEntries(caseKinds.map((kind) => [kind, kind])),
  معتقل: "detained",
  محتجز: "detained",
  مخطوف: "abducted",
  مفقود: "missing",
  متوفى: "deceased",
  متوفي: "deceased",
  جثة: "deceased",
};

export type ReadRow =
  | { ok: true; kind: CaseKind; person: PersonFields; flags: RowFinding[] }
  | { ok: false; kind: CaseKind; person: PersonFields; findings: RowFinding[] };

const messages: Record<RowFinding["code"], string> = {
  required: "No name in either script.",
  invalid_date: "Not a date this reads (use 1980-02-01, 1/2/1980 or 1980).",
  ambiguous_date:
    "Day and month cannot be told apart (e.g. 1/2/80): write the day as 1980-02-01, or upload with dayMonth set.",
  invalid_year: "The year is outside 1880 to this year.",
  invalid_sex: "Not a sex this reads (male/female, m/f, ذكر/أنثى).",
  invalid_kind: "Not a kind this reads (detained, abducted, missing, deceased).",
  mixed_scripts: "Mixes Arabic and Latin letters in one field.",
  wrong_script: "Written in the other script than its column says.",
  too_long: "Longer than 200 characters.",
  control_characters: "Contains control characters.",
  duplicate_row: "The same person as an earlier row of this file.",
  already_a_case: "This side already registered this person: the row is linked to that case.",
};

/** A finding with its message. */
export function finding(field: string, code: RowFinding["code"], ref?: number | string): RowFinding {
  return ref === undefined
    ? { field, code, message: messages[code] }
    : { field, code, message: messages[code], ref };
}

/** Reads one row's cells into a person, with what was wrong or doubtful about it. */
export function readRow(
  cells: string[],
  mapping: ResolvedMapping,
  defaultKind: CaseKind,
  order: DayMonthOrder,
): ReadRow {
  const findings: RowFinding[] = [];
  const flags: RowFinding[] = [];
  const cell = (column: ListColumn): string | null => {
    const position = mapping.positions[column];
    if (position === undefined) return null;
    const value = (cells[position] ?? "").normalize("NFC").trim().replace(/\s+/g, " ");
    if (!value) return null;
    if (hasControlCharacters(value) || !value.isWellFormed()) {
      findings.push(finding(column, "control_characters"));
      return null;
    }
    if (value.length > 200 && column !== "event_place" && column !== "origin") {
      findings.push(finding(column, "too_long"));
      return null;
    }
    if (value.length > 300) {
      findings.push(finding(column, "too_long"));
      return null;
    }
    return value;
  };
  const name = (column: ListColumn, script: "ar" | "latin"): string | null => {
    const value = cell(column);
    if (!value) return null;
    const scripts = scriptsOf(value);
    if (scripts.arabic && scripts.latin) flags.push(finding(column, "mixed_scripts"));
    else if (script === "ar" ? scripts.latin : scripts.arabic) flags.push(finding(column, "wrong_script"));
    return value;
  };
  const person: PersonFields = {
    arabic: {
      given: name("given_ar", "ar"),
      father: name("father_ar", "ar"),
      grandfather: name("grandfather_ar", "ar"),
      family: name("family_ar", "ar"),
      mother: name("mother_ar", "ar"),
    },
    latin: {
      given: name("given_latin", "latin"),
      father: name("father_latin", "latin"),
      grandfather: name("grandfather_latin", "latin"),
      family: name("family_latin", "latin"),
      mother: name("mother_latin", "latin"),
    },
    sex: null,
    birthDate: null,
    birthYear: null,
    origin: cell("origin"),
    eventDate: null,
    eventYear: null,
    eventPlace: cell("event_place"),
  };
  const sex = cell("sex");
  if (sex) {
    const read = sexes[sex.toLowerCase()];
    if (read) person.sex = read;
    else findings.push(finding("sex", "invalid_sex"));
  }
  for (const [column, dayKey, yearKey] of [
    ["birth", "birthDate", "birthYear"],
    ["event_date", "eventDate", "eventYear"],
  ] as const) {
    const text = cell(column);
    if (!text) continue;
    const read = readDate(text, order);
    if (read.kind === "day") {
      person[dayKey] = read.day;
      if (read.flagged) flags.push(finding(column, "ambiguous_date"));
    } else if (read.kind === "year") person[yearKey] = read.year;
    else findings.push(finding(column, read.code));
  }
  let kind = defaultKind;
  const kindText = cell("kind");
  if (kindText) {
    const read = kindWords[kindText.toLowerCase()];
    if (read) kind = read;
    else findings.push(finding("kind", "invalid_kind"));
  }
  if (!hasAName(person)) findings.push(finding("name", "required"));
  return findings.length > 0
    ? { ok: false, kind, person, findings: [...findings, ...flags] }
    : { ok: true, kind, person, flags };
}
