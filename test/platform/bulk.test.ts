import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { verifyAuditChain } from "../../src/server/platform/audit.ts";
import { systemActor } from "../../src/server/platform/authz.ts";
import { insertMany } from "../../src/server/platform/bulk.ts";
import type { Database } from "../../src/server/platform/db.ts";
import { defineOperation, runOperation } from "../../src/server/platform/operation.ts";
import { auditLog, outbox } from "../../src/server/platform/schema.ts";
import { freshDatabase } from "../helpers/database.ts";

/** A bulk import as a module would write one: many rows, one operation, one audit entry. */
const importRows = defineOperation({
  name: "test.rows.import",
  input: z.strictObject({ texts: z.array(z.string().nullable()), failAfter: z.boolean().optional() }),
  authorize: () => true,
  scope: () => ({ subjectType: "test", tier: "public" as const }),
  run: async (ctx, input) => {
    const written = await insertMany(
      ctx.tx,
      outbox,
      input.texts.map((text, index) => ({
        type: `test.row.${index}`,
        tier: "public" as const,
        subjectId: text,
        payload: { text, index, nested: { quote: '"', backslash: "\\" } },
      })),
    );
    if (input.failAfter) throw new Error("failed after writing");
    ctx.audit({ data: { written } });
    return written;
  },
});

describe("insertMany: bulk rows inside one audited operation", () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it("writes 25,000 rows with hostile text intact, as one audit entry", async () => {
    const hostile = [
      'a "quoted", comma',
      "back\\slash {braces}",
      "NULL",
      "عربي",
      "",
      null,
      "line\nbreak",
      "x".repeat(3000),
    ];
    const texts = Array.from({ length: 25_000 }, (_, index) => hostile[index % hostile.length] ?? null);
    const auditBefore = (await database.db.select().from(auditLog)).length;
    await expect(runOperation({ db: database.db }, importRows, systemActor("test"), { texts })).resolves.toBe(
      25_000,
    );
    const rows = await database.db
      .select()
      .from(outbox)
      .where(eq(outbox.tier, "public"))
      .orderBy(asc(outbox.id));
    const imported = rows.filter((row) => row.type.startsWith("test.row."));
    expect(imported).toHaveLength(25_000);
    for (const [index, row] of imported.slice(0, 16).entries()) {
      expect(row.subjectId).toBe(texts[index]);
      expect(row.payload).toEqual({ text: texts[index], index, nested: { quote: '"', backslash: "\\" } });
    }
    const auditAfter = await database.db.select().from(auditLog);
    expect(auditAfter.length - auditBefore).toBe(1);
    expect(auditAfter.at(-1)?.data).toEqual({ written: 25_000 });
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it("leaves nothing written when the operation fails after the rows", async () => {
    const before = (await database.db.select().from(outbox)).length;
    await expect(
      runOperation({ db: database.db }, importRows, systemActor("test"), {
        texts: ["one", "two"],
        failAfter: true,
      }),
    ).rejects.toThrow();
    expect((await database.db.select().from(outbox)).length).toBe(before);
  });
});
