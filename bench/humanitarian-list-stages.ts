// Where a list import's CPU goes, stage by stage (issue 18): the JS stages timed alone over the same
// file (parse; parse and check; + fingerprint; + seal and the staging line), then the whole import
// through importListFile with every statement PGlite runs timed (CPU of the process while PGlite's
// engine runs it, grouped by statement), and the rest of the import (JS) by difference.
// `npx node bench/humanitarian-list-stages.ts` (BENCH_HUM_LIST_ROWS, default 100,000).
import { randomBytes } from "node:crypto";
import { createReadStream, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { readListFile } from "../src/server/modules/humanitarian/list-file.ts";
import { readRow, resolveMapping } from "../src/server/modules/humanitarian/list-rows.ts";
import { stagedLine } from "../src/server/modules/humanitarian/list-staging.ts";
import { newOrderedId } from "../src/server/modules/humanitarian/operations/shared.ts";
import { type FoldCache, personFingerprint, sealPerson } from "../src/server/modules/humanitarian/person.ts";
import { installPersonalDataKey } from "../src/server/platform/personal-data.ts";
import { importIntoBench, openBench, writeListFile } from "./humanitarian-list-import.ts";

const count = Number(process.env.BENCH_HUM_LIST_ROWS ?? 100_000);
const file = join(tmpdir(), `hum-list-stages-${process.pid}.csv`);
const cpuOf = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
};

/** Reads the file as the import does, up to `upTo`, and answers the CPU seconds it took. */
async function jsStages(upTo: "parse" | "check" | "fingerprint" | "seal"): Promise<number> {
  const cpu = process.cpuUsage();
  const listFile = readListFile("csv", createReadStream(file, { highWaterMark: 1024 * 1024 }), undefined);
  const folded: FoldCache = new Map();
  let mapping: ReturnType<typeof resolveMapping> | null = null;
  let lines = 0;
  let seq = 0;
  for await (const cells of listFile.rows) {
    if (!mapping) {
      mapping = resolveMapping(cells, {});
      continue;
    }
    if (upTo === "parse") continue;
    const read = readRow(cells, mapping, "detained", "refuse");
    if (!read.ok || upTo === "check") continue;
    const fingerprint = personFingerprint("process", read.person, folded);
    if (upTo === "fingerprint") continue;
    const entryId = newOrderedId();
    seq += 1;
    lines += stagedLine("staging", seq, {
      row: seq,
      kind: read.kind,
      fingerprint,
      entryId,
      sealed: sealPerson(read.person, entryId),
      flags: read.flags,
    }).length;
  }
  listFile.contentHash();
  if (lines < 0) throw new Error("unreachable");
  return cpuOf(cpu);
}

/** Times every statement PGlite runs (by its text, the last one parsed), in CPU seconds. */
function timeStatements(instance: PGlite): Map<string, { cpu: number; calls: number }> {
  const times = new Map<string, { cpu: number; calls: number }>();
  const engine = instance as unknown as { execProtocolRawSync: (message: Uint8Array) => unknown };
  const original = engine.execProtocolRawSync.bind(instance);
  let statement = "?";
  engine.execProtocolRawSync = (message: Uint8Array) => {
    const type = String.fromCharCode(message[0] ?? 0);
    if (type === "Q" || type === "P") {
      let at = 5;
      if (type === "P") while (message[at] !== 0) at += 1;
      if (type === "P") at += 1;
      const end = message.indexOf(0, at);
      statement = Buffer.from(message.subarray(at, end))
        .toString("utf8")
        .replace(/\s+/g, " ")
        .replace(/'[0-9a-f-]{36}'/g, "'…'")
        .slice(0, 110);
    }
    const cpu = process.cpuUsage();
    try {
      return original(message);
    } finally {
      const entry = times.get(statement) ?? { cpu: 0, calls: 0 };
      entry.cpu += cpuOf(cpu);
      entry.calls += 1;
      times.set(statement, entry);
    }
  };
  return times;
}

/**
 * The merge's statements under EXPLAIN ANALYZE (in a transaction rolled back), over the imported rows
 * staged again as a second list of other persons (new ids and fingerprints), as a second import meets them.
 */
async function explainMerge(instance: PGlite): Promise<string[]> {
  const lines: string[] = [];
  await instance.transaction(async (tx) => {
    await tx.query(`insert into hum_import_rows (staging_id, seq, row_number, kind, fingerprint, entry_id,
      entry_personal, flags)
      select 'explain', row_number() over (order by id), row_number, kind, fingerprint || 'x', uuidv7()::text,
        personal, flags from hum_list_entries`);
    const list = (
      await tx.query<{ id: string; process_id: string; delegation_id: string }>(
        "select id, process_id, delegation_id from hum_lists limit 1",
      )
    ).rows[0];
    if (!list) throw new Error("no list");
    await tx.query(
      `insert into hum_lists (id, process_id, delegation_id, participant_id, title, file_name, format,
      encoding, content_hash, submitted_by_label) select 'explain', process_id, delegation_id, participant_id, 'x',
      'x', 'csv', 'utf-8', 'explain', 'x' from hum_lists where id = $1`,
      [list.id],
    );
    await tx.query("analyze hum_import_rows");
    const staged = "s.staging_id = 'explain'";
    const statements = [
      `insert into hum_list_entries (id, list_id, process_id, delegation_id, row_number, kind, personal,
        fingerprint, flags, case_id)
       select s.entry_id, 'explain', '${list.process_id}', '${list.delegation_id}', s.row_number, s.kind,
        s.entry_personal, s.fingerprint, s.flags, coalesce(s.case_id, s.entry_id)
       from hum_import_rows s where ${staged}`,
      `insert into hum_cases (id, process_id, delegation_id, participant_id, tier, sharing, kind, personal,
        fingerprint, list_entry_id)
       select s.entry_id, '${list.process_id}', '${list.delegation_id}', 'p', 'intermediary', 'side', s.kind,
        s.entry_personal, s.fingerprint, s.entry_id from hum_import_rows s where ${staged} and s.case_id is null`,
      `insert into hum_case_status (id, case_id, status, by_account_id, by_label)
       select gen_random_uuid()::text, s.entry_id, 'listed', null, 'x'
       from hum_import_rows s where ${staged} and s.case_id is null`,
    ];
    for (const statement of statements) {
      const plan = await tx.query<{ "QUERY PLAN": string }>(`explain (analyze, buffers, wal) ${statement}`);
      lines.push(`EXPLAIN ${statement.replace(/\s+/g, " ").slice(0, 60)}…`);
      for (const row of plan.rows) lines.push(`    ${row["QUERY PLAN"]}`);
    }
    await tx.rollback();
  });
  return lines;
}

installPersonalDataKey(randomBytes(32));
await writeListFile(file, count);
const out: string[] = [`${count.toLocaleString("en")} rows, load ${loadavg()[0]?.toFixed(1)}`];
try {
  if (process.env.BENCH_HUM_IMPORT_ONLY !== "1")
    for (const stage of ["parse", "check", "fingerprint", "seal"] as const)
      out.push(`JS up to ${stage}: ${(await jsStages(stage)).toFixed(2)} s CPU`);
  const bench = await openBench();
  try {
    if (process.env.BENCH_HUM_TRY) await bench.instance.exec(process.env.BENCH_HUM_TRY);
    const times = timeStatements(bench.instance);
    const cpu = process.cpuUsage();
    await importIntoBench(bench, file);
    const total = cpuOf(cpu);
    const database = [...times.values()].reduce((sum, entry) => sum + entry.cpu, 0);
    out.push(
      `import: ${total.toFixed(2)} s CPU, of which PGlite ${database.toFixed(2)} s, the rest ${(total - database).toFixed(2)} s`,
    );
    for (const [text, entry] of [...times.entries()].sort((a, b) => b[1].cpu - a[1].cpu).slice(0, 14))
      out.push(`  ${entry.cpu.toFixed(2)} s ×${entry.calls}  ${text}`);
    if (process.env.BENCH_HUM_EXPLAIN === "1") out.push(...(await explainMerge(bench.instance)));
  } finally {
    await bench.close();
  }
} finally {
  rmSync(file, { force: true });
}
process.stdout.write(`${out.join("\n")}\n`);
