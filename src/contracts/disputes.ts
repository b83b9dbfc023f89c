// Disputed values: how every answer says that a value it shows is one the record's sources disagree on.
import { z } from "zod";
import { conflictKinds } from "./enums.ts";

/**
 * The stable key of a disputed field, whatever words the record used for it (`start_date / end_date`,
 * `key_outcomes[0]`): the web app labels it in the reader's language, never showing the raw name.
 */
export const disputedFields = [
  "dates",
  "city",
  "venue",
  "nextRound",
  "outcome",
  "outcomes",
  "fact",
  "participants",
  "observers",
  "internationalOrganizations",
  "heads",
  "attendance",
  "status",
  "level",
  "count",
  "title",
  "jointStatement",
  "composition",
  "deadline",
  "oversight",
  "relatedDate",
  "history",
  "sourceMetadata",
  "name",
  "absenceOfEvidence",
  "other",
] as const;
export const DisputedField = z.enum(disputedFields);
export type DisputedField = z.infer<typeof DisputedField>;

/** One conflict bearing on a shown value: which conflict, its kind, the field it disputes, and whether the value was derived. */
export const ValueConflict = z
  .object({
    id: z
      .string()
      .describe("the conflict's id (GET /processes/{id}/conflicts lists it with its values and sources)"),
    kind: z.enum(conflictKinds),
    field: DisputedField,
    index: z
      .number()
      .int()
      .nullable()
      .describe("which outcome or fact, from 0, when the field is one of several"),
    derived: z
      .boolean()
      .describe(
        "true when the value shown was derived from the disputed one (e.g. absent from every later round)",
      ),
  })
  .meta({ id: "ValueConflict" });
export type ValueConflict = z.infer<typeof ValueConflict>;

/**
 * Added to every shown record whose value the record disputes: `conflicted: true` and the conflicts,
 * so no reader and no client takes one side for settled. Absent when nothing shown is disputed.
 */
export const Disputed = {
  conflicted: z.literal(true).optional().describe("present (true) when a value shown here is disputed"),
  conflicts: z.array(ValueConflict).optional().describe("the conflicts bearing on the values shown here"),
};
export type Disputed = { conflicted?: true; conflicts?: ValueConflict[] };
