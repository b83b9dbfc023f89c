import { and, asc, count, desc, eq, ilike, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { SourceDetail, SourceList } from "../../../../contracts/record.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { NotFound } from "../../../platform/errors.ts";
import { citationFieldKey, presentSource } from "../presenters.ts";
import { citations, sources } from "../schema.ts";
import { citedSubjectVisibleTo, resolveSubjects, sourcesVisibleTo, subjectKey } from "../subjects.ts";

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * Sources whose title, address or publisher contains `q`, newest first, among those the actor may
 * see: a source takes the widest tier of what cites it (`sourcesVisibleTo`).
 */
export async function listSources(
  db: Db,
  actor: Actor,
  query: { q?: string | undefined; limit: number; offset: number },
): Promise<z.infer<typeof SourceList>> {
  const pattern = query.q ? likePattern(query.q) : null;
  const where = and(
    pattern
      ? or(ilike(sources.title, pattern), ilike(sources.url, pattern), ilike(sources.publisher, pattern))
      : undefined,
    sourcesVisibleTo(db, actor, sources.id),
  );
  const [total] = await db.select({ value: count() }).from(sources).where(where);
  const rows = await db
    .select()
    .from(sources)
    .where(where)
    .orderBy(desc(sql`${sources.published} is not null`), desc(sources.published), asc(sources.url))
    .limit(query.limit)
    .offset(query.offset);
  return { total: Number(total?.value ?? 0), items: rows.map(presentSource) };
}

/** One source and what cites it, limited to the subjects the actor may see; a source nothing visible cites answers 404. */
export async function sourceDetail(db: Db, actor: Actor, id: string): Promise<z.infer<typeof SourceDetail>> {
  const [row] = await db
    .select()
    .from(sources)
    .where(and(eq(sources.id, id), sourcesVisibleTo(db, actor, sources.id)))
    .limit(1);
  if (!row) throw new NotFound("Source", id);
  const citing = await db
    .select()
    .from(citations)
    .where(and(eq(citations.sourceId, id), citedSubjectVisibleTo(db, actor)))
    .orderBy(asc(citations.subjectType), asc(citations.subjectId));
  const subjects = await resolveSubjects(
    db,
    citing.map((citation) => ({ subjectType: citation.subjectType, subjectId: citation.subjectId })),
    actor,
  );
  const citedBy = [];
  for (const citation of citing) {
    const subject = subjects.get(subjectKey(citation.subjectType, citation.subjectId));
    if (!subject) continue;
    citedBy.push({
      subjectType: citation.subjectType,
      subjectId: citation.subjectId,
      label: subject.label,
      processId: subject.processId,
      field: citationFieldKey(citation.field),
    });
  }
  return { ...presentSource(row), citedBy };
}
