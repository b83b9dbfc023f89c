// The redline: a word-level comparison of a text at two points of its negotiation (two versions, the
// adopted text, or two moments), paragraph by paragraph by stable eId. Only for the draft's readers.
import { and, asc, eq, lte, min } from "drizzle-orm";
import type { ParagraphSnapshot } from "../../../../contracts/texts.ts";
import type { RedlineView } from "../../../../contracts/texts-views.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { renderBracket, segmentsOf } from "../model.ts";
import { type DocumentRow, invalidField, toSnapshot } from "../operations/shared.ts";
import { alignParagraphs, type ComparedParagraph } from "../redline.ts";
import { textEvents, textVersions } from "../schema.ts";
import { happenedBy } from "./history.ts";
import { bracketsOf, findDraft, liveParagraphs, namesFor } from "./load.ts";

type TextAt = { point: string; version: number; at: string | null; paragraphs: ParagraphSnapshot[] };

/** Each paragraph as the last of these events left it (events oldest first); removed ones dropped, in order. */
function paragraphsFromEvents(
  events: readonly { paragraphId: string | null; paragraph: ParagraphSnapshot | null }[],
) {
  const latest = new Map<string, ParagraphSnapshot>();
  for (const event of events)
    if (event.paragraphId && event.paragraph) latest.set(event.paragraphId, event.paragraph);
  return [...latest.values()].filter((p) => !p.removed).sort((a, b) => a.orderKey - b.orderKey);
}

const pastVersions = new WeakMap<Db, Map<string, Promise<Omit<TextAt, "point">>>>();

/**
 * A version older than the current one, rebuilt from the domain history up to it. It never changes
 * again (every later change carries a later version), so it is kept per database once rebuilt.
 */
function pastVersion(db: Db, documentId: string, version: number): Promise<Omit<TextAt, "point">> {
  const kept = pastVersions.get(db) ?? new Map<string, Promise<Omit<TextAt, "point">>>();
  pastVersions.set(db, kept);
  const key = `${documentId}:${version}`;
  let value = kept.get(key);
  if (!value) {
    value = db
      .select({ paragraphId: textEvents.paragraphId, paragraph: textEvents.paragraph, at: textEvents.at })
      .from(textEvents)
      .where(and(eq(textEvents.documentId, documentId), lte(textEvents.version, version)))
      .orderBy(asc(textEvents.id))
      .then((events) => ({
        version,
        at: events.at(-1)?.at.toISOString() ?? null,
        paragraphs: paragraphsFromEvents(events),
      }));
    kept.set(key, value);
    if (kept.size > 100) kept.delete(kept.keys().next().value as string);
    value.catch(() => kept.delete(key));
  }
  return value;
}

/**
 * The text at one point: `current`; `adopted` (the frozen version); a version number (its frozen
 * snapshot when there is one, else rebuilt from the changes up to it); or a moment. A version the
 * text never had, or an adopted text that does not exist, is a 422 naming the field.
 */
async function textAt(db: Db, document: DocumentRow, point: string, field: string): Promise<TextAt> {
  const live = (paragraphs: ParagraphSnapshot[]) => paragraphs.filter((p) => !p.removed);
  if (point === "current" || point === String(document.textVersion)) {
    const [paragraphs, { brackets }] = await Promise.all([
      liveParagraphs(db, document.id),
      bracketsOf(db, document.id),
    ]);
    return {
      point,
      version: document.textVersion,
      at: null,
      paragraphs: paragraphs.map((paragraph) => toSnapshot(paragraph, brackets.get(paragraph.id) ?? [])),
    };
  }
  if (point === "adopted" || /^\d+$/.test(point)) {
    const number = point === "adopted" ? document.adoptedVersion : Number(point);
    if (number === null)
      throw invalidField(field, "This text has not been adopted: there is no adopted version to compare.");
    if (number < 1 || number > document.textVersion)
      throw invalidField(
        field,
        `This text has versions 1 to ${document.textVersion}; there is no version ${number}.`,
      );
    const [frozen] = await db
      .select()
      .from(textVersions)
      .where(and(eq(textVersions.documentId, document.id), eq(textVersions.number, number)))
      .limit(1);
    if (frozen)
      return {
        point,
        version: number,
        at: frozen.createdAt.toISOString(),
        paragraphs: live(frozen.snapshot.paragraphs),
      };
    return { point, ...(await pastVersion(db, document.id, number)) };
  }
  const at = new Date(point);
  const events = await db
    .select({
      paragraphId: textEvents.paragraphId,
      paragraph: textEvents.paragraph,
      version: textEvents.version,
    })
    .from(textEvents)
    .where(and(eq(textEvents.documentId, document.id), happenedBy(at)))
    .orderBy(asc(textEvents.id));
  return {
    point,
    version: events.reduce((max, event) => Math.max(max, event.version), 0),
    at: at.toISOString(),
    paragraphs: paragraphsFromEvents(events),
  };
}

/** A paragraph written out as a reader sees it in the compilation: open brackets as `[Alt 1: … (Russia)]`. */
function writtenOut(paragraph: ParagraphSnapshot, names: (id: string) => string): ComparedParagraph {
  const text = segmentsOf(paragraph.body, paragraph.brackets)
    .map((segment) =>
      segment.kind === "text" ? segment.text : renderBracket(segment.bracket.options, names),
    )
    .join("");
  return { id: paragraph.id, eId: paragraph.eId, kind: paragraph.kind, text };
}

/** The redline between two points of a draft's negotiation, for its readers (others get 404). */
export async function loadRedline(
  db: Db,
  actor: Actor,
  id: string,
  from: string,
  to: string,
): Promise<RedlineView> {
  const document = await findDraft(db, actor, id);
  const before = await textAt(db, document, from, "from");
  const after = await textAt(db, document, to, "to");
  const names = await namesFor(
    db,
    [...before.paragraphs, ...after.paragraphs].flatMap((p) =>
      p.brackets.flatMap((b) => b.options.flatMap((o) => o.proposedBy)),
    ),
  );
  const name = (participantId: string) => names(participantId).name;
  const paragraphs = alignParagraphs(
    before.paragraphs.map((p) => writtenOut(p, name)),
    after.paragraphs.map((p) => writtenOut(p, name)),
    document.language,
  );
  const count = (predicate: (p: (typeof paragraphs)[number]) => boolean) =>
    paragraphs.filter(predicate).length;
  const versions = await db
    .select({ version: textEvents.version, at: min(textEvents.at) })
    .from(textEvents)
    .where(eq(textEvents.documentId, document.id))
    .groupBy(textEvents.version)
    .orderBy(asc(textEvents.version));
  const frozen = await db
    .select({ number: textVersions.number })
    .from(textVersions)
    .where(eq(textVersions.documentId, document.id));
  return {
    documentId: document.id,
    language: document.language,
    from: { point: before.point, version: before.version, at: before.at },
    to: { point: after.point, version: after.version, at: after.at },
    paragraphs,
    summary: {
      added: count((p) => p.change === "added"),
      removed: count((p) => p.change === "removed"),
      changed: count((p) => p.change === "changed"),
      moved: count((p) => p.moved),
      unchanged: count((p) => p.change === "unchanged" && !p.moved),
    },
    versions: versions.map((row) => ({
      version: row.version,
      at: new Date(row.at ?? 0).toISOString(),
      frozen: frozen.some((f) => f.number === row.version),
    })),
  };
}
