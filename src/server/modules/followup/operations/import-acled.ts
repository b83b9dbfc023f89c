import { count, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { RecordRef } from "../../../../contracts/common.ts";
import { ImportReport } from "../../../../contracts/followup.ts";
import type { Db } from "../../../platform/db.ts";
import { Conflict } from "../../../platform/errors.ts";
import { sealJob } from "../../../platform/jobs.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { canMonitor } from "../policies.ts";
import {
  followupImportRows,
  followupIncidents,
  followupIncidentZones,
  followupVerifications,
} from "../schema.ts";
import { loadProcess, suggestLinks } from "./shared.ts";

/** Staged rows merged per statement: bounds one statement's memory on a file of millions of rows. */
const rowsPerMerge = 50_000;

export const ImportAcledInput = z.object({
  processId: RecordRef,
  /** Where the file's valid rows were staged (acled-file.ts). */
  stagingId: z.string().min(1).max(100),
  /** The reading's report: its counts and rejected rows. */
  read: ImportReport,
});

/**
 * followup.incident.import-acled: the monitoring team imports an ACLED-format CSV export. The file was
 * read streaming and its valid rows staged (acled-file.ts, which every caller goes through); this one
 * transaction and one audit entry merges them: upserted on `event_id_cnty` (a re-import updates, never
 * duplicates), attributed to the zones they fall in on their day, linked to the ceasefire commitments
 * they may breach. A dry run writes nothing but its audit entry. Staged rows missing (removed by a
 * start-up while this import ran) refuse the whole import rather than import part of the file.
 */
export const importAcled = defineOperation({
  name: "followup.incident.import-acled",
  input: ImportAcledInput,
  load: (tx, input) => loadProcess(tx, input.processId),
  authorize: (actor, _input, target) => canMonitor(actor, target.processId),
  scope: (_input, target) => ({
    subjectType: "followup.import",
    processId: target?.processId,
    tier: "process",
  }),
  run: async (ctx, input, { processId }) => {
    const report: ImportReport = { ...input.read, inserted: 0, updated: 0 };
    if (!report.dryRun) {
      // A cancel asked before this point refuses the merge (nothing imported); after it, it is refused.
      await sealJob(ctx.tx, input.stagingId);
      const [staged] = await ctx.tx
        .select({ rows: count() })
        .from(followupImportRows)
        .where(eq(followupImportRows.stagingId, input.stagingId));
      if ((staged?.rows ?? 0) !== report.valid)
        throw new Conflict(
          "The rows read from the file are no longer staged (the server restarted?): import the file again.",
          { staged: staged?.rows ?? 0, valid: report.valid },
          "import_interrupted",
        );
      // Fresh statistics, or the planner takes a staged file of millions of rows for an empty table.
      await ctx.tx.execute(sql`analyze ${followupImportRows}`);
      const label = ctx.actor.kind === "account" ? ctx.actor.email : "system";
      const ids = { incidents: orderedIdPrefix(), verifications: orderedIdPrefix() };
      for (let from = 1; from <= report.valid; from += rowsPerMerge) {
        const merged = await mergeStaged(ctx.tx, processId, input.stagingId, {
          from,
          to: from + rowsPerMerge - 1,
          label,
          ids,
        });
        report.inserted += merged.inserted;
        report.updated += merged.updated;
      }
      await suggestLinks(ctx.tx, processId);
      // The map's month query plans by these tables' sizes: a large import must not leave them stale.
      if (report.inserted > 10_000) {
        await ctx.tx.execute(sql`analyze ${followupIncidents}`);
        await ctx.tx.execute(sql`analyze ${followupIncidentZones}`);
      }
    }
    const { rejectedRows: _listed, ...counts } = report;
    ctx.audit({ data: counts });
    return report;
  },
});

/**
 * The first 24 hex digits of the new incidents' (and their first steps') ids, as a UUID version 7
 * begins (the time in milliseconds, then random bits); each id ends with its staged row's number. The
 * ids of one import are then in order, so its inserts append to the indexes on them (the keys, the
 * verifications' and zones' references) instead of landing on random pages: a fifth less of the
 * server's time in the merge of 100,000 rows than random ids.
 */
function orderedIdPrefix(): string {
  const random = crypto.getRandomValues(new Uint8Array(6));
  const hex = [...random].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  const digits = `${Date.now().toString(16).padStart(12, "0")}7${hex.slice(0, 3)}${(((random[5] ?? 0) & 3) | 8).toString(16)}${hex.slice(3, 6)}${hex.slice(6, 10)}`;
  return `${digits.slice(0, 8)}-${digits.slice(8, 12)}-${digits.slice(12, 16)}-${digits.slice(16, 20)}-${digits.slice(20, 24)}`;
}

/** Upserts staged rows `from`…`to` into the incidents, records new ones as reported, and replaces their zones. */
async function mergeStaged(
  tx: Db,
  processId: string,
  stagingId: string,
  {
    from,
    to,
    label,
    ids,
  }: { from: number; to: number; label: string; ids: Record<"incidents" | "verifications", string> },
): Promise<{ inserted: number; updated: number }> {
  // A new incident's first step has its number too (the last 8 digits of the incident's id).
  const verificationPrefix = ids.verifications;
  const staged = sql`(select * from ${followupImportRows}
    where staging_id = ${stagingId} and seq between ${from} and ${to}) s`;
  const result = await tx.execute(sql`
    with up as (
      insert into ${followupIncidents} (id, process_id, tier, source_system, external_id, occurred_on,
        time_precision, latitude, longitude, geo_precision, location, admin, event_type, sub_event_type,
        actor1, actor2, fatalities, sources, notes)
      select ${ids.incidents} || lpad(to_hex(s.seq), 8, '0'), ${processId}, 'process', 'acled', s.external_id, s.occurred_on,
        s.time_precision, s.latitude, s.longitude, s.geo_precision, s.location, s.admin, s.event_type,
        s.sub_event_type, s.actor1, s.actor2, s.fatalities, s.sources, s.notes
      from ${staged}
      on conflict (process_id, source_system, external_id) do update set
        occurred_on = excluded.occurred_on, time_precision = excluded.time_precision,
        latitude = excluded.latitude, longitude = excluded.longitude, geo_precision = excluded.geo_precision,
        location = excluded.location, admin = excluded.admin, event_type = excluded.event_type,
        sub_event_type = excluded.sub_event_type, actor1 = excluded.actor1, actor2 = excluded.actor2,
        fatalities = excluded.fatalities, sources = excluded.sources, notes = excluded.notes, updated_at = now()
      returning id, external_id, (xmax = 0) as inserted
    ), reported as (
      insert into ${followupVerifications} (id, incident_id, state, by_label, reason)
      select ${verificationPrefix} || right(up.id, 8), up.id, 'reported', ${label}, 'imported from an ACLED file'
      from up where up.inserted
    ), attributed as (
      select up.id as incident_id, z->>'zoneId' as zone_id, z->>'status' as zone_status
      from up join ${staged} on s.external_id = up.external_id
      cross join jsonb_array_elements(s.zones) z
    ), cleared as (
      -- Zones an updated incident no longer falls in (rows disjoint from those written below).
      delete from ${followupIncidentZones} iz using up
      where iz.incident_id = up.id and not up.inserted and not exists (
        select 1 from attributed a where a.incident_id = iz.incident_id and a.zone_id = iz.zone_id)
    ), written as (
      insert into ${followupIncidentZones} (incident_id, zone_id, zone_status)
      select incident_id, zone_id, zone_status from attributed
      on conflict (incident_id, zone_id) do update set zone_status = excluded.zone_status
    )
    select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated from up`);
  const [counts] = (result as unknown as { rows: { inserted: number; updated: number }[] }).rows;
  return { inserted: Number(counts?.inserted ?? 0), updated: Number(counts?.updated ?? 0) };
}
