import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { SourceInput } from "../../../../contracts/record.ts";
import type { Db } from "../../../platform/db.ts";
import { ValidationFailed } from "../../../platform/errors.ts";
import { publisherOf } from "../demo/builder.ts";
import { sources } from "../schema.ts";

/**
 * The source an input names: a known one by id (422 naming the field if there is none), a known one
 * by address, or a new one, whose publisher is the address's host name. Sources are deduplicated by
 * address so the record never cites the same page twice under two ids.
 */
export async function resolveSourceInput(tx: Db, input: SourceInput, path: (string | number)[]) {
  if (input.id !== undefined) {
    const [known] = await tx.select().from(sources).where(eq(sources.id, input.id)).limit(1);
    if (!known) {
      throw new ValidationFailed(`There is no source ${input.id}.`, [
        { path: [...path, "id"], message: "No source has this id." },
      ]);
    }
    return known;
  }
  const url = input.url ?? "";
  const [byUrl] = await tx.select().from(sources).where(eq(sources.url, url)).limit(1);
  if (byUrl) return byUrl;
  const [created] = await tx
    .insert(sources)
    .values({
      id: randomUUID(),
      url,
      title: input.title ?? null,
      publisher: publisherOf(url),
      publishedAsShown: input.publishedAsShown ?? null,
      published: input.published ?? null,
      language: input.language ?? null,
      isDemo: false,
    })
    .returning();
  if (!created) throw new Error("insert returned no source");
  return created;
}
