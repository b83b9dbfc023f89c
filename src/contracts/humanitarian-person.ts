// A person as the humanitarian contracts describe one: names in both scripts, birth, origin, detention or
// disappearance; and the shared shapes (a day, a withdrawal) the cases, lists and exchanges use.
import { z } from "zod";
import { PlainText } from "./common.ts";

/** A calendar day, ISO `yyyy-mm-dd`. */
export const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "A day as yyyy-mm-dd.");

/** The parts of a name in one script; any part may be unknown. */
export const NameParts = z.strictObject({
  given: PlainText(200).nullish(),
  father: PlainText(200).nullish(),
  grandfather: PlainText(200).nullish(),
  family: PlainText(200).nullish(),
  mother: PlainText(200).nullish(),
});
export type NameParts = z.infer<typeof NameParts>;

/**
 * A person's personal fields: names in Arabic script and in Latin transliteration, sex, birth (a day
 * when known, else a year), place of origin, and the date and place of detention or disappearance
 * (`event`). All of it is encrypted at rest.
 */
export const PersonFields = z.strictObject({
  arabic: NameParts.default({}),
  latin: NameParts.default({}),
  sex: z.enum(["male", "female"]).nullish(),
  birthDate: IsoDay.nullish(),
  birthYear: z.int().min(1880).max(2100).nullish(),
  origin: PlainText(300).nullish(),
  eventDate: IsoDay.nullish(),
  /** When only the year of the detention or disappearance is known. */
  eventYear: z.int().min(1880).max(2100).nullish(),
  eventPlace: PlainText(300).nullish(),
});
export type PersonFields = z.infer<typeof PersonFields>;

/** Who withdrew a record, when and why; null while it stands. */
export const Withdrawal = z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable();
