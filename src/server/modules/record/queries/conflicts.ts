import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { ProcessConflicts } from "../../../../contracts/record.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { conflicts } from "../schema.ts";
import { resolveSubjects, subjectKey, subjectVisibleTo } from "../subjects.ts";
import { findProcess } from "./process.ts";
import { conflictsOf } from "./subject-record.ts";

/** Every conflict of a process the actor may see (optionally of one kind), each with the subject it is about. */
export async function processConflicts(
  db: Db,
  actor: Actor,
  idOrSlug: string,
  kind: string | undefined,
): Promise<z.infer<typeof ProcessConflicts>> {
  const process = await findProcess(db, idOrSlug);
  const found = await conflictsOf(
    db,
    actor,
    and(
      eq(conflicts.processId, process.id),
      kind ? eq(conflicts.kind, kind as never) : undefined,
      subjectVisibleTo(db, actor, conflicts),
    ),
  );
  const subjects = await resolveSubjects(
    db,
    found.map((conflict) => ({ subjectType: conflict.subjectType, subjectId: conflict.subjectId })),
    actor,
  );
  const items = [];
  for (const { subjectType, subjectId, processId: _processId, ...conflict } of found) {
    const subject = subjects.get(subjectKey(subjectType, subjectId));
    if (!subject) continue;
    items.push({
      ...conflict,
      subject: { subjectType, subjectId, label: subject.label, processId: subject.processId },
    });
  }
  return { processId: process.id, items };
}
