import { z } from "zod";
import { SearchText } from "./common.ts";
import { tiers } from "./enums.ts";

/** The confidentiality tiers, widest first (DESIGN §1). */
export const Tier = z.enum(tiers);

/** A query parameter left empty by a form (`?actor=`) counts as not given. */
const optionalParam = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const Day = z.iso.date();
const Instant = z.iso.datetime({ offset: true });

/**
 * The audit page's filters. Every field is optional; `before` is the cursor from the previous
 * page's `nextBefore`. `to` given as a day includes that whole day (UTC).
 */
export const AuditQuery = z.strictObject({
  action: optionalParam(
    SearchText(200).describe("prefix of the operation name, e.g. `core.` or `core.account.create`"),
  ),
  actor: optionalParam(SearchText(200).describe("part of the actor's label (an e-mail, `system:cli`)")),
  outcome: optionalParam(z.enum(["ok", "denied"])),
  subjectType: optionalParam(SearchText(100)),
  subjectId: optionalParam(SearchText(200)),
  processId: optionalParam(SearchText(200)),
  from: optionalParam(z.union([Instant, Day]).describe("ISO date or date-time; entries at or after it")),
  to: optionalParam(
    z.union([Instant, Day]).describe("ISO date (that whole day included) or date-time; entries up to it"),
  ),
  kind: optionalParam(
    z
      .enum(["read", "change"])
      .describe("read: audited reads of protected records (allowed or refused); change: every other entry"),
  ),
  limit: optionalParam(z.coerce.number().pipe(z.int().min(1).max(200))).describe("page size, default 50"),
  before: optionalParam(z.coerce.number().pipe(z.int().min(1))).describe(
    "only entries with a smaller seq: the previous page's nextBefore",
  ),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z
  .object({
    seq: z.number().int(),
    at: z.string().describe("ISO date-time"),
    actorLabel: z.string(),
    action: z.string(),
    outcome: z.enum(["ok", "denied"]),
    subjectType: z.string().nullable(),
    subjectId: z.string().nullable(),
    processId: z.string().nullable(),
    tier: Tier,
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "AuditEntry" });
export type AuditEntry = z.infer<typeof AuditEntry>;

/** One page of the audit log, newest first; `nextBefore` is null on the last page. */
export const AuditPage = z
  .object({
    entries: z.array(AuditEntry),
    nextBefore: z.number().int().nullable(),
  })
  .meta({ id: "AuditPage" });
export type AuditPage = z.infer<typeof AuditPage>;
