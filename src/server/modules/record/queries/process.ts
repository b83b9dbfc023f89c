import { eq, or } from "drizzle-orm";
import type { Db } from "../../../platform/db.ts";
import { NotFound } from "../../../platform/errors.ts";
import { coreSchema } from "../../core/index.ts";

const { processes } = coreSchema;

/** A process by its id or its slug (`astana`); processes are public, a missing one is a 404. */
export async function findProcess(db: Db, idOrSlug: string) {
  const rows = await db
    .select()
    .from(processes)
    .where(or(eq(processes.id, idOrSlug), eq(processes.slug, idOrSlug)));
  const process = rows.find((row) => row.id === idOrSlug) ?? rows[0];
  if (!process) throw new NotFound("Process", idOrSlug);
  return process;
}
