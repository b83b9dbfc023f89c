// humanitarian's part of the demonstration record: the seven exchanges of the working group, 2018–2022,
// from the data file as aggregate records — date (or what is known of it), place, the counts each side
// released as reported (null where no source gives one), the sources and the conflicts between them.
// Public, as the data is. No person is named: the file's facts (which name some released people) stay
// in the record module's facts, not here.
import { and, eq } from "drizzle-orm";
import type { DemoContext, DemoPart } from "../../../platform/module.ts";
import type { CoreDemoOutput, DemoExchange } from "../../core/index.ts";
import { humExchanges } from "../schema.ts";

function sourcesOf(record: DemoExchange) {
  return record.sources.map((source) => ({ url: source.url, title: source.title ?? null }));
}

function conflictsOf(record: DemoExchange) {
  return (record.conflicts_and_uncertainties ?? []).map((conflict) => ({
    text: conflict.text,
    field: conflict.field,
    values: (conflict.values ?? []).map((value) => ({ value: value.value, sources: value.source_refs })),
  }));
}

async function load(context: DemoContext): Promise<Record<string, number>> {
  const core = context.need<CoreDemoOutput>("core");
  const exchanges = core.records.filter(
    (record): record is DemoExchange => record.record_type === "detainee_exchange",
  );
  for (const record of exchanges) {
    await context.tx
      .insert(humExchanges)
      .values({
        id: `demo-${record.id}`,
        processId: core.processId,
        tier: "public",
        kind: "aggregate",
        externalId: record.id,
        sequence: record.sequence,
        title: record.working_group_project,
        on: record.date,
        dateNote: record.date_note ?? null,
        place: record.place,
        firstSideLabel: "Syrian government",
        secondSideLabel: "Syrian armed opposition",
        firstReleases: record.released_by_government_side,
        secondReleases: record.released_by_opposition_side,
        state: "completed",
        sources: sourcesOf(record),
        conflicts: conflictsOf(record),
        note: record.counts_note ?? null,
        createdBy: "demonstration record",
        isDemo: true,
      })
      .onConflictDoNothing();
  }
  return { humExchanges: exchanges.length };
}

async function remove(context: DemoContext): Promise<Record<string, number>> {
  const deleted = await context.tx
    .delete(humExchanges)
    .where(and(eq(humExchanges.isDemo, true), eq(humExchanges.kind, "aggregate")))
    .returning({ id: humExchanges.id });
  return { humExchanges: deleted.length };
}

/** The seven exchanges of 2018–2022, loaded and removed with the demonstration record. */
export const humanitarianDemoPart: DemoPart = { load, remove };
