// Who is viewing a draft: its readers see each other (person and delegation), nobody else learns it.
import { and, eq } from "drizzle-orm";
import type { Actor } from "../../platform/authz.ts";
import type { Db } from "../../platform/db.ts";
import type { PresenceRule } from "../../platform/presence.ts";
import { canSeeDraft, draftsVisibleTo, participantsOf } from "./policies.ts";
import { namesFor } from "./reads/load.ts";
import { textDocuments } from "./schema.ts";

/**
 * A draft's viewers: only an actor who reads the draft (its tier, the secretariat, its facilitators) may
 * watch it, found by the same tier rule in SQL as every read; a published text has no presence (its
 * readers are the public). The viewer is named by the person and the delegations they sit on in the
 * process, and must keep reading the draft to go on hearing who else does.
 */
export const draftPresence: PresenceRule = async (db: Db, actor: Actor, documentId: string) => {
  if (actor.kind !== "account") return null;
  const [document] = await db
    .select()
    .from(textDocuments)
    .where(and(eq(textDocuments.id, documentId), eq(textDocuments.status, "draft"), draftsVisibleTo(actor)))
    .limit(1);
  if (!document) return null;
  const names = await namesFor(db, participantsOf(actor, document.processId));
  const delegation = participantsOf(actor, document.processId)
    .map((id) => names(id).name)
    .join(", ");
  return {
    viewer: { key: actor.accountId, person: actor.name, delegation },
    mayWatch: (current) => canSeeDraft(current, document),
  };
};
