import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parse } from "csv-parse";
import { sql } from "drizzle-orm";
import { doublePrecision, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { z } from "zod";
import { RecordRef } from "../../../../contracts/common.ts";
import type { ImportReport } from "../../../../contracts/followup.ts";
import { insertMany } from "../../../platform/bulk.ts";
import { BadRequest, DomainError } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { type AcledIncident, missingColumns, readAcledRow } from "../acled.ts";
import { canMonitor } from "../policies.ts";
import { followupIncidents, followupIncidentZones, followupVerifications } from "../schema.ts";
import { loadProcess, suggestLinks, zonesAt, zonesForAttribution } from "./shared.ts";

/** Rows written per round trip: as bulk.ts's statements. */
const batchSize = 10_000;
/** Rejected rows listed in the report (the count covers the whole file). */
const listedRejections = 1000;

/** The import's staging table: created for the transaction (`on commit drop`), never in a migration. */
const staging = pgTable("followup_acled_staging", {
  externalId: text("external_id").notNull(),
  occurredOn: text("occurred_on").notNull(),
  timePrecision: text("time_precision").notNull(),
  latitude: doublePrecision("latitude").notNull(),
  longitude: doublePrecision("longitude").notNull(),
  geoPrecision: text("geo_precision").notNull(),
  location: text("location"),
  admin: jsonb("admin").notNull(),
  eventType: text("event_type").notNull(),
  subEventType: text("sub_event_type"),
  actor1: text("actor1"),
  actor2: text("actor2"),
  fatalities: integer("fatalities").notNull(),
  sources: jsonb("sources").notNull(),
  notes: text("notes"),
  zones: jsonb("zones").notNull(),
});

/** The bytes of the file, read as UTF-8 strictly: a file in another encoding is refused, never garbled. */
async function* utf8Text(
  source: AsyncIterable<Uint8Array>,
  maxBytes: number | undefined,
): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let bytes = 0;
  for await (const chunk of source) {
    bytes += chunk.byteLength;
    if (maxBytes !== undefined && bytes > maxBytes)
      throw new DomainError(
        "file_too_large",
        413,
        `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB: import it with the CLI (astana followup import-acled), which streams any size.`,
        { maxBytes },
      );
    try {
      yield decoder.decode(chunk, { stream: true });
    } catch {
      throw new BadRequest(
        `The file is not UTF-8 (an invalid byte near byte ${bytes - chunk.byteLength + 1}): it may be Windows-1256 or Latin-1. Save it as UTF-8 and import it again.`,
        { near: bytes - chunk.byteLength },
        "invalid_encoding",
      );
    }
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw new BadRequest("The file is not UTF-8 (it ends inside a character).", {}, "invalid_encoding");
  }
}

export const ImportAcledInput = z.object({
  processId: RecordRef,
  dryRun: z.boolean(),
  source: z.custom<AsyncIterable<Uint8Array>>(
    (value) => typeof value === "object" && value !== null && Symbol.asyncIterator in value,
    "The CSV file to read.",
  ),
  maxBytes: z.int().positive().optional(),
});

/**
 * followup.incident.import-acled: the monitoring team imports an ACLED-format CSV export, streamed
 * (never the whole file in memory), in one transaction and one audit entry. Every row is checked;
 * the report lists the rejected rows with their reasons. A dry run writes nothing; otherwise the valid
 * rows are upserted on their `event_id_cnty` (a re-import updates, never duplicates), attributed to the
 * zones they fall in on their day, and linked to the ceasefire commitments they may breach. A file
 * without ACLED's columns, or not in UTF-8, is refused whole.
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
    const report: ImportReport = {
      dryRun: input.dryRun,
      rows: 0,
      valid: 0,
      rejected: 0,
      inserted: 0,
      updated: 0,
      attributed: 0,
      rejectedRows: [],
    };
    const zones = await zonesForAttribution(ctx.tx, processId);
    if (!input.dryRun)
      await ctx.tx.execute(sql`create temp table if not exists followup_acled_staging (
        external_id text not null, occurred_on text not null, time_precision text not null,
        latitude double precision not null, longitude double precision not null, geo_precision text not null,
        location text, admin jsonb not null, event_type text not null, sub_event_type text, actor1 text,
        actor2 text, fatalities integer not null, sources jsonb not null, notes text, zones jsonb not null
      ) on commit drop`);
    let missing: string[] = [];
    const parser = parse({
      bom: true,
      columns: (header: string[]) => {
        missing = missingColumns(header);
        if (missing.length > 0) throw new Error("missing columns");
        return header.map((name) => name.trim().toLowerCase());
      },
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      max_record_size: 1_000_000,
    });
    const feeding = pipeline(Readable.from(utf8Text(input.source, input.maxBytes)), parser);
    // Its failure also ends the parser, which the loop below reports; awaited after the loop.
    feeding.catch(() => undefined);
    const firstLine = new Map<string, number>();
    let batch: (AcledIncident & { zones: { zoneId: string; status: string }[] })[] = [];
    const reject = (line: number, eventId: string | null, reasons: string[]) => {
      report.rejected += 1;
      if (report.rejectedRows.length < listedRejections) report.rejectedRows.push({ line, eventId, reasons });
    };
    try {
      for await (const { record, info } of parser as AsyncIterable<{
        record: Record<string, string>;
        info: { lines: number };
      }>) {
        report.rows += 1;
        const read = readAcledRow(record);
        const eventId = record.event_id_cnty?.trim() || null;
        if ("reasons" in read) {
          reject(info.lines, eventId, read.reasons);
          continue;
        }
        const seen = firstLine.get(read.incident.externalId);
        if (seen !== undefined) {
          reject(info.lines, eventId, [`event_id_cnty: repeats line ${seen} of this file`]);
          continue;
        }
        firstLine.set(read.incident.externalId, info.lines);
        report.valid += 1;
        const found = zonesAt(
          zones,
          read.incident.occurredOn,
          read.incident.longitude,
          read.incident.latitude,
        );
        report.attributed += found.length;
        if (input.dryRun) continue;
        batch.push({ ...read.incident, zones: found });
        if (batch.length >= batchSize) {
          await writeBatch(
            ctx.tx,
            processId,
            batch,
            report,
            ctx.actor.kind === "account" ? ctx.actor.email : "system",
          );
          batch = [];
        }
      }
      await feeding;
    } catch (error) {
      if (error instanceof DomainError) throw error;
      if (missing.length > 0)
        throw new BadRequest(
          `The file lacks ACLED's columns: ${missing.join(", ")}.`,
          { missing },
          "missing_columns",
        );
      const cause = (error as { cause?: unknown }).cause;
      if (cause instanceof DomainError) throw cause;
      throw new BadRequest(`The file is not a readable CSV: ${(error as Error).message}`, {}, "invalid_csv");
    }
    if (report.rows === 0 && missing.length === 0 && firstLine.size === 0 && report.rejected === 0) {
      // A file with no header at all never reached the column check.
      throw new BadRequest(
        "The file is empty: an ACLED export starts with its header row.",
        {},
        "empty_file",
      );
    }
    if (!input.dryRun) {
      await writeBatch(
        ctx.tx,
        processId,
        batch,
        report,
        ctx.actor.kind === "account" ? ctx.actor.email : "system",
      );
      await suggestLinks(ctx.tx, processId);
    }
    const { rejectedRows: _listed, ...counts } = report;
    ctx.audit({ data: counts });
    return report;
  },
});

/** Stages a batch with insertMany, upserts it into the incidents, and replaces its zone attribution. */
async function writeBatch(
  tx: Parameters<typeof insertMany>[0],
  processId: string,
  batch: (AcledIncident & { zones: { zoneId: string; status: string }[] })[],
  report: ImportReport,
  label: string,
): Promise<void> {
  if (batch.length === 0) return;
  await tx.execute(sql`delete from followup_acled_staging`);
  await insertMany(
    tx,
    staging,
    batch.map((row) => ({
      externalId: row.externalId,
      occurredOn: row.occurredOn,
      timePrecision: row.timePrecision,
      latitude: row.latitude,
      longitude: row.longitude,
      geoPrecision: row.geoPrecision,
      location: row.location,
      admin: row.admin,
      eventType: row.eventType,
      subEventType: row.subEventType,
      actor1: row.actor1,
      actor2: row.actor2,
      fatalities: row.fatalities,
      sources: row.source ? row.source.split(";").map((title) => ({ url: "", title: title.trim() })) : [],
      notes: row.notes,
      zones: row.zones,
    })),
  );
  const upserted = await tx.execute(sql`
    insert into ${followupIncidents} (id, process_id, tier, source_system, external_id, occurred_on,
      time_precision, latitude, longitude, geo_precision, location, admin, event_type, sub_event_type,
      actor1, actor2, fatalities, sources, notes)
    select gen_random_uuid()::text, ${processId}, 'process', 'acled', s.external_id, s.occurred_on::date,
      s.time_precision, s.latitude, s.longitude, s.geo_precision, s.location, s.admin, s.event_type,
      s.sub_event_type, s.actor1, s.actor2, s.fatalities, s.sources, s.notes
    from followup_acled_staging s
    on conflict (process_id, source_system, external_id) do update set
      occurred_on = excluded.occurred_on, time_precision = excluded.time_precision,
      latitude = excluded.latitude, longitude = excluded.longitude, geo_precision = excluded.geo_precision,
      location = excluded.location, admin = excluded.admin, event_type = excluded.event_type,
      sub_event_type = excluded.sub_event_type, actor1 = excluded.actor1, actor2 = excluded.actor2,
      fatalities = excluded.fatalities, sources = excluded.sources, notes = excluded.notes, updated_at = now()
    returning id, (xmax = 0) as inserted`);
  const rows = (upserted as unknown as { rows: { id: string; inserted: boolean }[] }).rows;
  const fresh = rows.filter((row) => row.inserted);
  report.inserted += fresh.length;
  report.updated += rows.length - fresh.length;
  await insertMany(
    tx,
    followupVerifications,
    fresh.map((row) => ({
      id: crypto.randomUUID(),
      incidentId: row.id,
      state: "reported" as const,
      byLabel: label,
      reason: "imported from an ACLED file",
    })),
  );
  await tx.execute(sql`
    delete from ${followupIncidentZones} where incident_id in (
      select i.id from followup_acled_staging s join ${followupIncidents} i
        on i.process_id = ${processId} and i.source_system = 'acled' and i.external_id = s.external_id)`);
  await tx.execute(sql`
    insert into ${followupIncidentZones} (incident_id, zone_id, zone_status)
    select i.id, z->>'zoneId', z->>'status'
    from followup_acled_staging s
    join ${followupIncidents} i on i.process_id = ${processId} and i.source_system = 'acled' and i.external_id = s.external_id
    cross join jsonb_array_elements(s.zones) z`);
}
