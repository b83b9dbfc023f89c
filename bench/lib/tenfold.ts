// A record ten times the demonstration one, for the benchmarks that read at scale: the demonstration
// record and nine copies of it (new ids, slugs and addresses; each copy's names and texts given a word
// drawn with a fixed seed, so every run builds the same record).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import * as core from "../../src/server/modules/core/schema.ts";
import { seededRandom } from "../../src/server/modules/programme/scheduler/rng.ts";
import { loadDemo } from "../../src/server/modules/record/index.ts";
import * as record from "../../src/server/modules/record/schema.ts";
import { systemActor } from "../../src/server/platform/authz.ts";
import { type Db, openDatabase } from "../../src/server/platform/db.ts";
import { runOperation } from "../../src/server/platform/operation.ts";
import { astanaCli } from "./accounts.ts";

const words = {
  en: ["ceasefire", "delegation", "talks", "guarantors", "humanitarian", "memorandum", "plenary", "envoy"],
  ru: ["перемирие", "делегация", "переговоры", "гаранты", "гуманитарный", "меморандум", "пленарное"],
  ar: ["وقف إطلاق النار", "الوفد", "المفاوضات", "الضامنون", "الإنسانية", "المذكرة", "الجلسة العامة"],
};

const idColumns = new Set([
  "id",
  "processId",
  "roundId",
  "participantId",
  "subjectId",
  "sourceId",
  "conflictId",
  "delegationId",
  "roundDelegationId",
  "meetingId",
  "hostParticipantId",
]);

/** The tables copied, parents before children. */
const copied: [string, PgTable][] = [
  ["participants", core.participants],
  ["processes", core.processes],
  ["processRoleAssignments", core.processRoleAssignments],
  ["delegations", core.delegations],
  ["processDecisions", core.processDecisions],
  ["rounds", core.rounds],
  ["roundAnnouncements", core.roundAnnouncements],
  ["roundParticipations", core.roundParticipations],
  ["roleChanges", core.roleChanges],
  ["roundDelegations", core.roundDelegations],
  ["delegationMembers", core.delegationMembers],
  ["meetings", core.meetings],
  ["meetingParticipants", core.meetingParticipants],
  ["sources", record.sources],
  ["citations", record.citations],
  ["facts", record.facts],
  ["conflicts", record.conflicts],
  ["conflictValues", record.conflictValues],
  ["milestones", record.milestones],
];

/** One copy of a row: ids suffixed, unique names made unique, texts given a seeded word. */
function copyRow(row: Record<string, unknown>, copy: number, random: () => number): Record<string, unknown> {
  const pick = (list: string[]) => list[Math.floor(random() * list.length)] ?? "";
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (value === null || value === undefined) out[key] = value;
    else if (idColumns.has(key) && typeof value === "string") out[key] = `${value}~${copy}`;
    else if (key === "slug" || key === "url") out[key] = `${value}${key === "url" ? "#" : "-"}copy-${copy}`;
    else if (key === "names" && typeof value === "object") {
      const names = value as Record<string, string | undefined>;
      out[key] = {
        en: `${names.en} ${pick(words.en)}`,
        ...(names.ru ? { ru: `${names.ru} ${pick(words.ru)}` } : {}),
        ...(names.ar ? { ar: `${names.ar} ${pick(words.ar)}` } : {}),
      };
    } else if ((key === "text" || key === "title") && typeof value === "string") {
      out[key] = `${value} ${pick(words.en)}`;
    } else out[key] = value;
  }
  return out;
}

/** The demonstration record and nine seeded copies of it: a record ten times the demonstration one. */
export async function buildTenfoldRecord(db: Db): Promise<Record<string, number>> {
  await runOperation({ db }, loadDemo, systemActor("bench"), {});
  return copyNineTimes(db);
}

/** Nine seeded copies of the record already in `db` (the demonstration one): ten times its size. */
export async function copyNineTimes(db: Db): Promise<Record<string, number>> {
  const random = seededRandom(20261207);
  const counts: Record<string, number> = {};
  const originals = new Map<string, Record<string, unknown>[]>();
  for (const [name, table] of copied) originals.set(name, await db.select().from(table));
  for (let copy = 1; copy <= 9; copy += 1) {
    for (const [name, table] of copied) {
      const rows = (originals.get(name) ?? []).map((row) => copyRow(row, copy, random));
      for (let start = 0; start < rows.length; start += 500) {
        await db.insert(table).values(rows.slice(start, start + 500) as never);
      }
    }
  }
  for (const [name, table] of copied) {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
    counts[name] = row?.n ?? 0;
  }
  return counts;
}

/**
 * A data directory holding a record ten times the demonstration one, ready for `astana serve`: the
 * demonstration record loaded by the CLI as a fresh install does, then copied nine times with the
 * server not running (the directory has one writer at a time).
 */
export async function tenfoldDataDir(): Promise<{ dataDir: string; counts: Record<string, number> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "astana-tenfold-"));
  astanaCli(dataDir, ["processes", "list"]);
  const database = await openDatabase({ kind: "pglite", dataDir: path.join(dataDir, "pglite") });
  try {
    return { dataDir, counts: await copyNineTimes(database.db) };
  } finally {
    await database.close();
  }
}
