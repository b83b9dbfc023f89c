import type {
  DemoExchange,
  DemoMemorandum,
  DemoMilestone,
  DemoRecordEntry,
  DemoWorkingGroup,
  DemoZone,
} from "../../core/index.ts";
import type { DemoBuilder } from "./builder.ts";

const milestoneTitles: Record<string, string> = {
  "milestone-origin": "Talks in Astana proposed by Russia and Türkiye",
  "milestone-conclusion-2023": "Kazakhstan declares the 20th meeting the last",
  "milestone-resumption-2024": "Meetings resumed at the guarantors' collective request",
  "milestone-round22-2024": "The 22nd meeting concludes",
  "milestone-offensive-2024": "Offensive from the Idlib area",
  "milestone-doha-2024": "Foreign ministers of the format meet in Doha",
  "milestone-fall-of-assad": "Fall of the Assad government",
  "milestone-after-2024": "No meeting in the format found after 2024",
};

function addMilestone(
  builder: DemoBuilder,
  slug: string,
  title: string,
  occurredOn: string | null,
  precision: "day" | "month" = "day",
): string {
  const id = `demo-${slug}`;
  builder.rows.milestones.push({
    id,
    processId: builder.processId,
    slug,
    occurredOn,
    occurredPrecision: precision,
    title,
    tier: "public",
    isDemo: true,
  });
  return id;
}

/** The dated events of the process that are not meetings, each with its facts and conflicts. */
export function buildMilestones(builder: DemoBuilder, records: DemoMilestone[]): void {
  for (const record of records) {
    const title = milestoneTitles[record.id] ?? record.facts[0]?.text.slice(0, 80) ?? record.id;
    const id = addMilestone(builder, record.id, title, record.date);
    for (const fact of record.facts) {
      builder.fact("milestone", id, "fact", fact.text, record, fact.source_refs, fact.uncertain ?? false);
    }
    for (const entry of record.conflicts_and_uncertainties ?? [])
      builder.conflict("milestone", id, entry, record);
  }
}

/**
 * The memorandum with its four zones, the working group and its exchanges, kept as milestones with
 * facts until their own modules exist, so none of their sources is lost.
 */
export function buildFollowUp(
  builder: DemoBuilder,
  memorandum: DemoMemorandum,
  zones: DemoZone[],
  workingGroup: DemoWorkingGroup,
  exchanges: DemoExchange[],
): void {
  const memorandumId = addMilestone(builder, memorandum.id, memorandum.name, memorandum.date);
  builder.cite("milestone", memorandumId, "occurredOn", memorandum, memorandum.date_source_refs);
  for (const fact of memorandum.facts) {
    builder.fact(
      "milestone",
      memorandumId,
      "fact",
      fact.text,
      memorandum,
      fact.source_refs,
      fact.uncertain ?? false,
    );
  }
  for (const entry of memorandum.conflicts_and_uncertainties ?? []) {
    builder.conflict("milestone", memorandumId, entry, memorandum);
  }
  for (const zoneId of memorandum.zones) {
    const zone = zones.find((candidate) => candidate.id === zoneId);
    if (!zone) throw new Error(`memorandum: no zone ${zoneId}`);
    builder.fact(
      "milestone",
      memorandumId,
      "fact",
      `${zone.name}: ${zone.area}`,
      zone,
      zone.area_source_refs,
    );
    builder.fact(
      "milestone",
      memorandumId,
      "fact",
      `${zone.name}: established ${zone.established}`,
      zone,
      zone.established_source_refs,
    );
    for (const entry of zone.history) {
      builder.fact(
        "milestone",
        memorandumId,
        "fact",
        `${zone.name}: ${entry.text}`,
        zone,
        entry.source_refs,
        entry.uncertain ?? false,
      );
    }
    for (const entry of zone.conflicts_and_uncertainties ?? []) {
      builder.conflict("milestone", memorandumId, entry, zone, `${zone.name}: ${entry.field}`);
    }
  }

  const groupId = addMilestone(builder, workingGroup.id, workingGroup.name, workingGroup.established);
  for (const fact of workingGroup.facts) {
    builder.fact(
      "milestone",
      groupId,
      "fact",
      fact.text,
      workingGroup,
      fact.source_refs,
      fact.uncertain ?? false,
    );
  }
  for (const entry of workingGroup.conflicts_and_uncertainties ?? []) {
    builder.conflict("milestone", groupId, entry, workingGroup);
  }

  for (const exchange of exchanges) {
    const id = addMilestone(
      builder,
      exchange.id,
      `Detainee exchange ${exchange.sequence} (${exchange.working_group_project})`,
      exchange.date,
    );
    const count = (value: number | null) => (value === null ? "not found" : String(value));
    builder.fact(
      "milestone",
      id,
      "fact",
      `Place: ${exchange.place ?? "not found"}. Released by the government side: ${count(exchange.released_by_government_side)}; by the opposition side: ${count(exchange.released_by_opposition_side)}${exchange.counts_note ? ` (${exchange.counts_note})` : ""}.`,
      exchange,
      builder.allRefs(exchange),
    );
    if (exchange.date_note) {
      builder.fact(
        "milestone",
        id,
        "fact",
        `Date: ${exchange.date_note}`,
        exchange,
        builder.allRefs(exchange),
        true,
      );
    }
    for (const fact of exchange.facts) {
      builder.fact("milestone", id, "fact", fact.text, exchange, fact.source_refs, fact.uncertain ?? false);
    }
    for (const entry of exchange.conflicts_and_uncertainties ?? [])
      builder.conflict("milestone", id, entry, exchange);
  }
}

/** The naming of the process and the renaming of its host city, as facts about the process. */
export function buildProcessFacts(builder: DemoBuilder, records: DemoRecordEntry[]): void {
  for (const record of records) {
    if (record.record_type !== "naming" && record.record_type !== "aliases") continue;
    for (const fact of record.facts) {
      builder.fact(
        "process",
        builder.processId,
        "fact",
        fact.text,
        record,
        fact.source_refs,
        fact.uncertain ?? false,
      );
    }
    for (const entry of record.conflicts_and_uncertainties ?? []) {
      builder.conflict("process", builder.processId, entry, record);
    }
  }
}
