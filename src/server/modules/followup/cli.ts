// `astana followup …`: the ACLED import (streamed from disk, any size) and the round's follow-up report.
import { createReadStream, readFileSync, statSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { callerPath, UsageError } from "../../../cli/common.ts";
import { json, processOption, roundSelector } from "../../../cli/options.ts";
import { act, output } from "../../../cli/session.ts";
import * as contracts from "../../../contracts/followup.ts";
import * as fileContracts from "../../../contracts/followup-files.ts";
import { processRef, roundRef } from "../core/index.ts";
import { importAcledFile } from "./acled-file.ts";
import { bulkUpdateCommitmentStatus } from "./operations/bulk-update-commitment-status.ts";
import { importZones } from "./operations/import-zones.ts";
import { sinceLastRound } from "./reads/report.ts";
import { zonesGeoJson } from "./reads/zones.ts";

function describeImport(report: contracts.ImportReport): string {
  const lines = [
    `${report.dryRun ? "Dry run (nothing written)" : "Imported"}: ${report.rows} rows, ${report.valid} valid, ${report.rejected} rejected, ${report.attributed} zone attributions.`,
  ];
  if (!report.dryRun) lines.push(`${report.inserted} new incidents, ${report.updated} updated.`);
  for (const row of report.rejectedRows.slice(0, 50))
    lines.push(`  line ${row.line}${row.eventId ? ` (${row.eventId})` : ""}: ${row.reasons.join("; ")}`);
  if (report.rejected > 50)
    lines.push(`  … and ${report.rejected - 50} more rejected rows (--json lists up to 1,000).`);
  return lines.join("\n");
}

function describeStatusUpdate(report: fileContracts.CommitmentStatusImportReport): string {
  const lines = [
    `${report.dryRun ? "Dry run (nothing changed)" : `Applied: ${report.applied} status updates`}: ${report.rows} lines, ${report.matched.length} to change, ${report.unchanged.length} unchanged, ${report.unknownId.length} unknown ids, ${report.invalidStatus.length} invalid statuses, ${report.invalid.length} other faults.`,
  ];
  for (const row of report.matched)
    lines.push(`  line ${row.line} ${row.externalId}: ${row.from} → ${row.to}`);
  for (const row of report.unknownId) lines.push(`  line ${row.line} ${row.externalId}: no such commitment`);
  for (const row of report.invalidStatus)
    lines.push(`  line ${row.line} ${row.externalId}: "${row.status}" is not a status`);
  for (const row of report.invalid)
    lines.push(`  line ${row.line}${row.externalId ? ` ${row.externalId}` : ""}: ${row.reasons.join("; ")}`);
  if (report.dryRun && report.matched.length > 0) lines.push("Run again with --apply to record them.");
  return lines.join("\n");
}

/** `astana followup import-acled|report`, each calling the same operation or read as its route. */
export function registerFollowupCommands(program: Command): void {
  const followup = program
    .command("followup")
    .description("Follow-up: commitments, de-escalation zones, incidents");
  json(
    processOption(
      followup
        .command("import-acled")
        .description("Import an ACLED-format CSV export (followup.incident.import-acled)")
        .requiredOption("--file <path>", "the CSV file (UTF-8), streamed: any size")
        .option("--dry-run", "check every row and write nothing"),
    ),
  ).action(
    act(async (s, o: { process?: string; file: string; dryRun?: boolean }) => {
      // The caller's path, also when the command runs inside a running server.
      const file = callerPath(o.file);
      try {
        statSync(file);
      } catch {
        throw new UsageError(`Cannot read ${o.file}.`);
      }
      const report = await importAcledFile(s.db, s.actor, {
        processId: await processRef(s, o.process),
        dryRun: o.dryRun === true,
        source: createReadStream(file, { highWaterMark: 1024 * 1024 }),
      });
      return output(report, () => contracts.ImportReport, describeImport);
    }),
  );
  json(
    processOption(
      followup
        .command("update-commitments")
        .description(
          "Update commitments' statuses from a CSV matched on their external ids: a dry run unless --apply (followup.commitment.bulk-update-status)",
        )
        .requiredOption(
          "--file <path>",
          "the CSV file (UTF-8): external_id, status[, on, evidence, source_url]",
        )
        .option("--apply", "record the matched lines (without it, only the report)"),
    ),
  ).action(
    act(async (s, o: { process?: string; file: string; apply?: boolean }) => {
      const file = callerPath(o.file);
      let csv: string;
      try {
        csv = readFileSync(file, "utf8");
      } catch {
        throw new UsageError(`Cannot read ${o.file}.`);
      }
      const report = await s.run(bulkUpdateCommitmentStatus, {
        processId: await processRef(s, o.process),
        csv,
        apply: o.apply === true,
      });
      return output(report, () => fileContracts.CommitmentStatusImportReport, describeStatusUpdate);
    }),
  );
  processOption(
    followup
      .command("zones-export")
      .description(
        "The zones as a GeoJSON FeatureCollection (followup.zone.geojson), to a file or standard output",
      )
      .option("--file <path>", "write it to this file"),
  ).action(
    act(async (s, o: { process?: string; file?: string }) => {
      const collection = await zonesGeoJson(s.db, s.actor, await processRef(s, o.process));
      const text = JSON.stringify(collection, null, 2);
      if (o.file) writeFileSync(callerPath(o.file), `${text}\n`);
      return output(collection, null, (value) =>
        o.file ? `${value.features.length} zones written to ${o.file}.` : text,
      );
    }),
  );
  json(
    processOption(
      followup
        .command("zones-import")
        .description(
          "Import zones from a GeoJSON FeatureCollection: a dry run unless --apply (followup.zone.import-geojson)",
        )
        .requiredOption("--file <path>", "the GeoJSON file")
        .option("--apply", "create and update the zones (without it, only the report)"),
    ),
  ).action(
    act(async (s, o: { process?: string; file: string; apply?: boolean }) => {
      let collection: unknown;
      try {
        collection = JSON.parse(readFileSync(callerPath(o.file), "utf8"));
      } catch (error) {
        throw new UsageError(`Cannot read ${o.file} as JSON: ${(error as Error).message}`);
      }
      const report = await s.run(importZones, {
        processId: await processRef(s, o.process),
        collection: collection as fileContracts.ZoneImportInput,
        dryRun: o.apply !== true,
      });
      return output(
        report,
        () => fileContracts.ZoneImportReport,
        (r) =>
          [
            `${r.dryRun ? "Dry run (nothing written)" : "Imported"}: ${r.features} features, ${r.created.length} new zones, ${r.updated.length} updated, ${r.rejected.length} rejected.`,
            ...r.rejected.map((row) => `  feature ${row.feature}: ${row.reasons.join("; ")}`),
          ].join("\n"),
      );
    }),
  );
  json(
    roundSelector(
      followup
        .command("report")
        .description("The since-the-last-round report of a round (followup.report.since-last-round)"),
    ),
  ).action(
    act(async (s, o: { process?: string; number?: number }, [number]) =>
      output(
        await sinceLastRound(s.db, s.actor, await roundRef(s, number, o)),
        () => contracts.SinceLastRoundReport,
        (report) =>
          [
            `Round ${report.roundNumber}: ${report.from ?? "the beginning"} – ${report.to}`,
            ...report.incidentsByZone.map(
              (row) => `  ${row.zoneName}: ${row.incidents} incidents, ${row.fatalities} fatalities`,
            ),
            `Commitments changed: ${report.commitmentsChanged.length}; new breaches: ${report.newBreaches.length}`,
          ].join("\n"),
      ),
    ),
  );
}
