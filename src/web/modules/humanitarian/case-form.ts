// The case form's values and their translation to and from the API's person: every field a string while
// typed (so a half-typed year is kept as typed), turned into the contract's shape only when sent.
import type { CaseKind, CaseView, ListSharing, PersonFields } from "../../../contracts/humanitarian.ts";

export const nameParts = ["given", "father", "grandfather", "family", "mother"] as const;
export type NamePart = (typeof nameParts)[number];
type Names = Record<NamePart, string>;

export type CaseValues = {
  delegationId: string;
  kind: CaseKind;
  sharing: ListSharing;
  arabic: Names;
  latin: Names;
  sex: "" | "male" | "female";
  birthDate: string;
  birthYear: string;
  origin: string;
  eventDate: string;
  eventYear: string;
  eventPlace: string;
};

const noNames = (): Names => ({ given: "", father: "", grandfather: "", family: "", mother: "" });

/** An empty form for a side's new case. */
export function emptyCase(delegationId: string): CaseValues {
  return {
    delegationId,
    kind: "detained",
    sharing: "side",
    arabic: noNames(),
    latin: noNames(),
    sex: "",
    birthDate: "",
    birthYear: "",
    origin: "",
    eventDate: "",
    eventYear: "",
    eventPlace: "",
  };
}

/** A case's current fields as form values (to correct them). */
export function caseValues(item: CaseView): CaseValues {
  const names = (parts: PersonFields["arabic"]): Names => {
    const out = noNames();
    for (const part of nameParts) out[part] = parts?.[part] ?? "";
    return out;
  };
  const person = item.person;
  return {
    delegationId: item.delegationId,
    kind: item.kind,
    sharing: item.sharing,
    arabic: names(person.arabic),
    latin: names(person.latin),
    sex: person.sex ?? "",
    birthDate: person.birthDate ?? "",
    birthYear: person.birthYear ? String(person.birthYear) : "",
    origin: person.origin ?? "",
    eventDate: person.eventDate ?? "",
    eventYear: person.eventYear ? String(person.eventYear) : "",
    eventPlace: person.eventPlace ?? "",
  };
}

/** Eastern Arabic (and Persian) digits read as ours: a year typed as ١٩٨٠ is 1980. */
export function westernDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) =>
    String((digit.charCodeAt(0) - 0x0660) % (0x06f0 - 0x0660)),
  );
}

const textOrNull = (value: string) => (value.trim() ? value.trim() : null);
const yearOrNull = (value: string) => {
  const digits = westernDigits(value.trim());
  return digits ? Number(digits) : null;
};

/** The person as the API takes it: empty fields are unknown (null), years are numbers. */
export function personOf(values: CaseValues): PersonFields {
  const names = (parts: Names) =>
    Object.fromEntries(nameParts.map((part) => [part, textOrNull(parts[part])])) as PersonFields["arabic"];
  return {
    arabic: names(values.arabic),
    latin: names(values.latin),
    sex: values.sex || null,
    birthDate: textOrNull(values.birthDate),
    birthYear: yearOrNull(values.birthYear),
    origin: textOrNull(values.origin),
    eventDate: textOrNull(values.eventDate),
    eventYear: yearOrNull(values.eventYear),
    eventPlace: textOrNull(values.eventPlace),
  };
}

/**
 * The checks the server makes too, run first so a person sees them by field: at least one name part in
 * either script, years of four digits within the contract's range. Keys are the API's field paths.
 */
export function checkCase(values: CaseValues): Record<string, "nameRequired" | "year"> {
  const errors: Record<string, "nameRequired" | "year"> = {};
  const named = nameParts.some((part) => values.arabic[part].trim() || values.latin[part].trim());
  if (!named) errors.person = "nameRequired";
  for (const field of ["birthYear", "eventYear"] as const) {
    const typed = westernDigits(values[field].trim());
    if (typed && !(/^\d{4}$/.test(typed) && Number(typed) >= 1880 && Number(typed) <= 2100))
      errors[`person.${field}`] = "year";
  }
  return errors;
}
