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
 * Printable text (a name, a title): trimmed, bounded, and refused if it holds control characters or a
 * lone surrogate (which the database would silently turn into U+FFFD).
 */
export const PlainText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "Required.")
    .max(max, `At most ${max} characters.`)
    .refine((value) => !hasControlCharacters(value), "Contains control characters.")
    .refine((value) => value.isWellFormed(), "Contains an invalid character (a lone surrogate).");
