// The "since the last round" report for a round (incidents by zone, commitments changed, new
// breaches, each as the reader may see them) with its CSV export, and incidents per zone per month.
import { and, asc, eq, gt, lte, sql } from "drizzle-orm";
import type { z } from "zod";
import type { MonthCounts, SinceLastRoundReport } from "../../../../contracts/followup.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { NotFound } from "../../../platform/errors.ts";
import { toCsv } from "../../../platform/exports/csv.ts";
import { findProcess, findRoundIdByNumber, findVisibleRound } from "../../core/index.ts";
import { readableIncidents, readableRows } from "../policies.ts";
import {
  followupCommitments,
  followupCommitmentUpdates,
  followupIncidents,
  followupIncidentZones,
  followupZones,
} from "../schema.ts";

type Report = z.infer<typeof SinceLastRoundReport>;
type Lang = "en" | "ru" | "ar";

/** The report's own words in the CSV, in the reader's language (the record's texts stay as they are). */
const words: Record<Lang, Record<string, string>> = {
  en: {
    "incidents by zone": "incidents by zone",
    "commitment changed": "commitment changed",
    "new breach": "new breach",
    "Outside the zones": "Outside the zones",
    fatalities: "fatalities",
    not_started: "not started",
    in_progress: "in progress",
    met: "met",
    breached: "breached",
    lapsed: "lapsed",
  },
  ru: {
    "incidents by zone": "инциденты по зонам",
    "commitment changed": "изменение обязательства",
    "new breach": "новое нарушение",
    "Outside the zones": "Вне зон",
    fatalities: "погибших",
    not_started: "не начато",
    in_progress: "выполняется",
    met: "выполнено",
    breached: "нарушено",
    lapsed: "истекло",
  },
  ar: {
    "incidents by zone": "الحوادث حسب المنطقة",
    "commitment changed": "تغيّر التزام",
    "new breach": "خرق جديد",
    "Outside the zones": "خارج المناطق",
    fatalities: "قتلى",
    not_started: "لم يبدأ",
    in_progress: "قيد التنفيذ",
    met: "مُنجز",
    breached: "مُخترق",
    lapsed: "انقضى",
  },
};

/** The day the previous round (the highest-numbered one before it that the reader may see) ended. */
async function previousRoundEnd(
  db: Db,
  actor: Actor,
  processId: string,
  number: number,
): Promise<string | null> {
  for (let previous = number - 1; previous >= Math.max(1, number - 5); previous -= 1) {
    try {
      const id = await findRoundIdByNumber(db, actor, processId, previous);
      const { round } = await findVisibleRound(db, actor, id);
      return round.endDate ?? round.startDate;
    } catch (error) {
      if (!(error instanceof NotFound)) throw error;
    }
  }
  return null;
}

/**
 * What happened between the end of the previous round and the start of this one (or today): the
 * incidents of each zone, the commitments whose status changed, and those newly breached — each
 * through the same tier rules as the lists, so the public's report counts declassified incidents only.
 */
export async function sinceLastRound(db: Db, actor: Actor, roundId: string): Promise<Report> {
  const { round } = await findVisibleRound(db, actor, roundId);
  const from = await previousRoundEnd(db, actor, round.processId, round.number);
  const to = round.startDate ?? new Date().toISOString().slice(0, 10);
  const i = followupIncidents;
  const inPeriod = and(
    eq(i.processId, round.processId),
    readableIncidents(actor, i),
    from ? gt(i.occurredOn, from) : undefined,
    lte(i.occurredOn, to),
  );
  const byZone = await db
    .select({
      zoneId: followupIncidentZones.zoneId,
      zoneName: followupZones.name,
      incidents: sql<number>`count(*)::int`,
      fatalities: sql<number>`coalesce(sum(${i.fatalities}), 0)::int`,
    })
    .from(i)
    .leftJoin(followupIncidentZones, eq(followupIncidentZones.incidentId, i.id))
    .leftJoin(
      followupZones,
      and(eq(followupZones.id, followupIncidentZones.zoneId), readableRows(actor, followupZones)),
    )
    .where(inPeriod)
    .groupBy(followupIncidentZones.zoneId, followupZones.name)
    .orderBy(asc(followupZones.name));
  const changes = await db
    .select({
      commitmentId: followupCommitments.id,
      what: followupCommitments.what,
      from: followupCommitmentUpdates.fromStatus,
      to: followupCommitmentUpdates.status,
      on: followupCommitmentUpdates.on,
      evidence: followupCommitmentUpdates.evidence,
      sources: followupCommitmentUpdates.sources,
    })
    .from(followupCommitmentUpdates)
    .innerJoin(followupCommitments, eq(followupCommitments.id, followupCommitmentUpdates.commitmentId))
    .where(
      and(
        eq(followupCommitments.processId, round.processId),
        readableRows(actor, followupCommitments),
        from ? gt(followupCommitmentUpdates.on, from) : undefined,
        lte(followupCommitmentUpdates.on, to),
        sql`${followupCommitmentUpdates.fromStatus} is not null`,
      ),
    )
    .orderBy(asc(followupCommitmentUpdates.on), asc(followupCommitmentUpdates.at));
  return {
    roundId: round.id,
    processId: round.processId,
    roundNumber: round.number,
    from,
    to,
    incidentsByZone: byZone.map((row) => ({
      // A zone the reader may not see is counted with the incidents outside every zone.
      zoneId: row.zoneName ? row.zoneId : null,
      zoneName: row.zoneName ?? "Outside the zones",
      incidents: row.incidents,
      fatalities: row.fatalities,
    })),
    commitmentsChanged: changes,
    newBreaches: changes
      .filter((change) => change.to === "breached" && change.from !== "breached")
      .map(({ commitmentId, what, on, evidence, sources }) => ({
        commitmentId,
        what,
        on,
        evidence,
        sources,
      })),
  };
}

/**
 * The report as one CSV (UTF-8 with BOM): a section column says which part each line belongs to; the
 * report's own words (sections, statuses) in `lang`, the headers in English for the programs that read it.
 */
export function reportCsv(
  report: Report,
  lang: Lang = "en",
): { body: string; mediaType: string; filename: string } {
  const w = (word: string) => words[lang][word] ?? word;
  type Line = {
    section: string;
    subject: string;
    detail: string;
    count: number | null;
    on: string | null;
    sources?: { url: string }[];
  };
  const lines: Line[] = [
    ...report.incidentsByZone.map((row) => ({
      section: w("incidents by zone"),
      subject: row.zoneId ? row.zoneName : w("Outside the zones"),
      detail: `${row.fatalities} ${w("fatalities")}`,
      count: row.incidents,
      on: null,
    })),
    ...report.commitmentsChanged.map((row) => ({
      section: w("commitment changed"),
      subject: row.what,
      detail: `${row.from ? w(row.from) : ""} → ${w(row.to)}`,
      count: null,
      on: row.on,
      sources: row.sources,
    })),
    ...report.newBreaches.map((row) => ({
      section: w("new breach"),
      subject: row.what,
      detail: row.evidence ?? "",
      count: null,
      on: row.on,
      sources: row.sources,
    })),
  ];
  const body = toCsv<Line>(
    [
      { header: "section", value: (line) => line.section },
      { header: "subject", value: (line) => line.subject },
      { header: "detail", value: (line) => line.detail },
      { header: "count", value: (line) => line.count },
      { header: "date", value: (line) => line.on },
      { header: "sources", value: (line) => (line.sources ?? []).map((source) => source.url).join(" ") },
    ],
    lines,
  );
  const suffix = lang === "en" ? "" : `-${lang}`;
  return { body, mediaType: "text/csv", filename: `since-last-round-${report.roundNumber}${suffix}.csv` };
}

/** Incidents per zone per month over a period, as the reader may see them (the chart and the map's month). */
export async function monthCounts(
  db: Db,
  actor: Actor,
  processRef: string,
  range: { from?: string; to?: string },
): Promise<z.infer<typeof MonthCounts>> {
  const process = await findProcess(db, processRef);
  const i = followupIncidents;
  const month = sql<string>`to_char(${i.occurredOn}, 'YYYY-MM')`;
  const rows = await db
    .select({ zoneId: followupIncidentZones.zoneId, month, incidents: sql<number>`count(*)::int` })
    .from(i)
    .leftJoin(followupIncidentZones, eq(followupIncidentZones.incidentId, i.id))
    .where(
      and(
        eq(i.processId, process.id),
        readableIncidents(actor, i),
        range.from ? sql`${i.occurredOn} >= ${range.from}` : undefined,
        range.to ? sql`${i.occurredOn} <= ${range.to}` : undefined,
      ),
    )
    .groupBy(followupIncidentZones.zoneId, month)
    .orderBy(month);
  return { items: rows };
}
