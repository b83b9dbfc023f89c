import { asc, eq } from "drizzle-orm";
import type { Source } from "../../../../contracts/record.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { findProcess } from "../../core/index.ts";
import { citationFieldKey, presentSource } from "../presenters.ts";
import { citations, sources } from "../schema.ts";
import { citedSubjectVisibleTo, resolveSubjects, subjectKey } from "../subjects.ts";

export type ProcessSource = Source & {
  citedBy: { subjectType: string; subjectId: string; label: string; field: string }[];
};

/**
 * Every source the record of a process cites, each with what cites it (as a source's page lists
 * it), among the citations of subjects the actor may see (filtered in SQL, then each subject
 * described by its own module's rule); newest first, undated last.
 */
export async function processSources(db: Db, actor: Actor, idOrSlug: string) {
  const process = await findProcess(db, idOrSlug);
  const rows = await db
    .select({ citation: citations, source: sources })
    .from(citations)
    .innerJoin(sources, eq(sources.id, citations.sourceId))
    .where(citedSubjectVisibleTo(db, actor))
    .orderBy(asc(citations.subjectType), asc(citations.subjectId), asc(citations.position));
  const subjects = await resolveSubjects(
    db,
    rows.map(({ citation }) => ({ subjectType: citation.subjectType, subjectId: citation.subjectId })),
    actor,
  );
  const bySource = new Map<string, ProcessSource>();
  for (const { citation, source } of rows) {
    const subject = subjects.get(subjectKey(citation.subjectType, citation.subjectId));
    if (!subject || subject.processId !== process.id) continue;
    const entry = bySource.get(source.id) ?? { ...presentSource(source), citedBy: [] };
    entry.citedBy.push({
      subjectType: citation.subjectType,
      subjectId: citation.subjectId,
      label: subject.label,
      field: citationFieldKey(citation.field),
    });
    bySource.set(source.id, entry);
  }
  const items = [...bySource.values()].sort(
    (a, b) =>
      (b.published ?? "").localeCompare(a.published ?? "") ||
      (a.title ?? a.url).localeCompare(b.title ?? b.url),
  );
  return { process, items };
}
