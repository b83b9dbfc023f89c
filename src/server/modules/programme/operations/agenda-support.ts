// What the agenda's operations share: the next free position and the check of linked texts.
import { eq, max } from "drizzle-orm";
import { systemActor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { listRoundDocuments } from "../../texts/index.ts";
import { programmeAgendaItems } from "../schema.ts";
import { invalidField } from "./shared.ts";

/** The position after the round's last agenda item. */
export async function nextPosition(tx: Db, roundId: string): Promise<number> {
  const [row] = await tx
    .select({ last: max(programmeAgendaItems.position) })
    .from(programmeAgendaItems)
    .where(eq(programmeAgendaItems.roundId, roundId));
  return (row?.last ?? 0) + 1;
}

/** An agenda item links only to negotiated texts of its own round; any other id is a 422. */
export async function checkDocuments(tx: Db, roundId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const documents = await listRoundDocuments(tx, systemActor("programme"), roundId);
  const known = new Set(documents.items.map((item: { id: string }) => item.id));
  for (const id of ids)
    if (!known.has(id)) throw invalidField("documentIds", `"${id}" is not a negotiated text of this round.`);
  return [...new Set(ids)];
}
