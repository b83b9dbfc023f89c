// The sides' lists as their readers see them: the lists' descriptions (no personal data) filtered in
// SQL, and one list's rows decrypted for its readers only, every such read audited, refusals too.
import { and, asc, count, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { ListDetail, ListQuery, ListView } from "../../../../contracts/humanitarian.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { findProcess } from "../../core/index.ts";
import { openPerson } from "../person.ts";
import { canReadPerson, canSubmitFor, readablePersons } from "../policies.ts";
import { presentList, presentWithdrawal } from "../presenters.ts";
import { humListEntries, humLists } from "../schema.ts";
import { auditPersonRead, refusePersonRead } from "./audit-reads.ts";

/** The lists of a process the actor may read (their descriptions and counts), newest first. */
export async function listLists(db: Db, actor: Actor, processRef: string): Promise<{ lists: ListView[] }> {
  const process = await findProcess(db, processRef);
  const rows = await db
    .select()
    .from(humLists)
    .where(and(eq(humLists.processId, process.id), readablePersons(actor, humLists)))
    .orderBy(desc(humLists.createdAt), asc(humLists.id));
  return { lists: rows.map(presentList) };
}

/**
 * One list with a page of its rows, decrypted. The other side, and anyone the list is not shared with,
 * is refused as if the list did not exist (404), and the attempt is in the audit chain.
 */
export async function getList(
  db: Db,
  actor: Actor,
  listId: string,
  query: z.infer<typeof ListQuery>,
): Promise<ListDetail> {
  const [list] = await db.select().from(humLists).where(eq(humLists.id, listId));
  if (!list || !canReadPerson(actor, list))
    return refusePersonRead(db, actor, "humanitarian.list.get", "List", listId, list);
  const [total] = await db
    .select({ n: count() })
    .from(humListEntries)
    .where(eq(humListEntries.listId, list.id));
  const entries = await db
    .select()
    .from(humListEntries)
    .where(eq(humListEntries.listId, list.id))
    .orderBy(asc(humListEntries.rowNumber))
    .limit(query.limit)
    .offset(query.offset);
  await auditPersonRead(
    db,
    actor,
    "humanitarian.list.get",
    {
      subjectType: "humanitarian.list",
      subjectId: list.id,
      processId: list.processId,
      delegationId: list.delegationId,
    },
    { shown: entries.length, offset: query.offset },
  );
  return {
    ...presentList(list),
    total: total?.n ?? 0,
    can: { withdraw: !list.withdrawnAt && canSubmitFor(actor, list.processId, list.delegationId) },
    entries: entries.map((entry) => ({
      id: entry.id,
      rowNumber: entry.rowNumber,
      kind: entry.kind,
      person: openPerson(entry.personal, entry.id),
      flags: entry.flags,
      caseId: entry.caseId,
      withdrawn: presentWithdrawal(entry),
    })),
  };
}
