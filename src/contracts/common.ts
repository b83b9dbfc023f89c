import { z } from "zod";

/** True when the text holds a control character other than tab, line feed or carriage return. */
export function hasControlCharacters(value: string): boolean {
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || (code >= 127 && code < 160)) return true;
  }
  return false;
}

/**
 * True when PostgreSQL cannot store the text as given: a NUL (U+0000), which a text value cannot hold
 * (the query fails), or a lone surrogate, which the driver silently turns into U+FFFD.
 */
export function hasUnstorableCharacters(value: string): boolean {
  return value.includes("\u0000") || !value.isWellFormed();
}

const noControlCharacters = "Contains control characters.";
const noLoneSurrogate = "Contains an invalid character (a lone surrogate).";

/**
 * Printable text (a name, a title): trimmed, bounded, and refused if it holds control characters or a
 * lone surrogate (which the database would silently turn into U+FFFD).
 */
export const PlainText = (max: number, whenEmpty = "Required.") =>
  z
    // A field with its own "empty" message (the English name) says it when left out too.
    .string(
      whenEmpty === "Required."
        ? undefined
        : { error: (issue) => (issue.input === undefined ? whenEmpty : undefined) },
    )
    .trim()
    .min(1, whenEmpty)
    .max(max, `At most ${max} characters.`)
    .refine((value) => !hasControlCharacters(value), noControlCharacters)
    .refine((value) => value.isWellFormed(), noLoneSurrogate);

/**
 * An identifier or a slug in a path, a query or a reference field of a body: trimmed, never empty, at
 * most 200 characters, printable. Checked before any query, so a NUL or a lone surrogate sent as an id
 * is a 400 naming the field, not a database error.
 */
export const RecordRef = z
  .string()
  .trim()
  .min(1, "Required.")
  .max(200, "At most 200 characters.")
  .refine((value) => !hasControlCharacters(value), noControlCharacters)
  .refine((value) => value.isWellFormed(), noLoneSurrogate);

/**
 * Free text a client searches or filters by (`?q=`, `?actor=`): trimmed, bounded, may be empty, and
 * printable for the same reason as an identifier.
 */
export const SearchText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .refine((value) => !hasControlCharacters(value), noControlCharacters)
    .refine((value) => value.isWellFormed(), noLoneSurrogate);
