// Test set-up for the matching tests: a process with two sides, their lists written straight to the
// tables (the list import is another part of the module, tested on its own), sealed as the module seals.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import * as coreSchema from "../../src/server/modules/core/schema.ts";
import { humListEntries, humLists } from "../../src/server/modules/humanitarian/schema.ts";
import type { Db } from "../../src/server/platform/db.ts";
import { fingerprintPersonal, sealPersonal } from "../../src/server/platform/personal-data.ts";
import type { ProcessFixture } from "../helpers/fixtures.ts";

export type TestPerson = {
  arabic?: Record<string, string>;
  latin?: Record<string, string>;
  sex?: "male" | "female";
  birthDate?: string;
  birthYear?: number;
  eventDate?: string;
  eventYear?: number;
  eventPlace?: string;
};

/** A second party (the other side), with its delegation, in the fixture's process. */
export async function addOtherSide(
  db: Db,
  fixture: ProcessFixture,
): Promise<{ participantId: string; delegationId: string }> {
  const participantId = `${fixture.key}-other-side`;
  await db.insert(coreSchema.participants).values({
    id: participantId,
    slug: participantId,
    kind: "party",
    names: { en: "The other side" },
  });
  await db.insert(coreSchema.processRoleAssignments).values({
    id: `${fixture.key}-assignment-other-side`,
    processId: fixture.id,
    participantId,
    role: "party",
  });
  const delegationId = `${fixture.key}-delegation-other-side`;
  await db.insert(coreSchema.delegations).values({ id: delegationId, processId: fixture.id, participantId });
  return { participantId, delegationId };
}

/** A side's list and its rows, each person sealed for its row; returns the list's id and the rows' ids. */
export async function insertList(
  db: Db,
  side: { processId: string; participantId: string; delegationId: string },
  title: string,
  persons: TestPerson[],
): Promise<{ listId: string; entryIds: string[] }> {
  const listId = randomUUID();
  await db.insert(humLists).values({
    id: listId,
    processId: side.processId,
    delegationId: side.delegationId,
    participantId: side.participantId,
    title,
    fileName: `${title}.csv`,
    format: "csv",
    encoding: "utf-8",
    contentHash: randomUUID(),
    rows: persons.length,
    imported: persons.length,
    submittedByLabel: "test",
  });
  const entryIds: string[] = [];
  for (const [index, person] of persons.entries()) {
    const id = randomUUID();
    entryIds.push(id);
    await db.insert(humListEntries).values({
      id,
      listId,
      processId: side.processId,
      delegationId: side.delegationId,
      rowNumber: index + 2,
      kind: "detained",
      personal: sealPersonal({ arabic: {}, latin: {}, ...person }, id),
      fingerprint: fingerprintPersonal(`${side.processId}:${id}`),
    });
  }
  return { listId, entryIds };
}

/** Withdraws a row as the module's withdrawal does (test set-up). */
export async function withdrawEntry(db: Db, entryId: string): Promise<void> {
  await db
    .update(humListEntries)
    .set({ withdrawnAt: new Date(), withdrawnBy: "test", withdrawnReason: "test" })
    .where(eq(humListEntries.id, entryId));
}
