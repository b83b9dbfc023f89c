import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { NotFound } from "../../../platform/errors.ts";
import { processIdsOfParticipant } from "../../core/index.ts";
import { canCurateRecord } from "../policies.ts";
import type { SubjectType } from "../schema.ts";
import { findVisibleSubject, type SubjectInfo } from "../subjects.ts";

export type SubjectTarget = { subject: SubjectInfo; processIds: string[] };

/**
 * Loads the subject an edit of the record is about, as the policy needs it: 404 if it does not exist
 * or the actor may not see it; the processes it belongs to (a participant: every process it has a role in).
 */
export async function loadSubjectTarget(
  tx: Db,
  actor: Actor,
  input: { subjectType: SubjectType; subjectId: string },
): Promise<SubjectTarget> {
  const subject = await findVisibleSubject(tx, actor, input);
  if (!subject) throw new NotFound(input.subjectType.replaceAll("_", " "), input.subjectId);
  if (subject.processId) return { subject, processIds: [subject.processId] };
  return { subject, processIds: await processIdsOfParticipant(tx, subject.subjectId) };
}

/** The audit scope of an edit of the record: filed under its subject, at the subject's tier. */
export function subjectScope(
  input: { subjectType: string; subjectId: string },
  target: SubjectTarget | undefined,
) {
  return {
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    processId: target?.subject.processId ?? target?.processIds[0] ?? null,
    tier: target?.subject.tier ?? ("process" as const),
  };
}

/**
 * The subject named by `subjectType` and `subjectId`, loaded (hidden → 404); only the secretariat of a
 * process it belongs to may edit its record. Spread into `defineOperation`.
 */
export const bySubjectCurator = {
  load: (tx: Db, input: { subjectType: SubjectType; subjectId: string }, actor: Actor) =>
    loadSubjectTarget(tx, actor, input),
  authorize: (actor: Actor, _input: unknown, target: SubjectTarget) =>
    canCurateRecord(actor, target.processIds),
  scope: subjectScope,
};
