// programme's part of the demonstration record: round 22's agenda as the sources report it ("Agenda
// included confidence-building measures such as release of hostages and search for missing persons,
// refugee return and post-conflict recovery"), adopted, over the round's two days. No session is made
// up: the sources give no hours, rooms or meetings.
import { eq } from "drizzle-orm";
import { systemActor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import type { DemoPart } from "../../../platform/module.ts";
import { findVisibleRound } from "../../core/index.ts";
import { programmeAgendaItems, programmePlans } from "../schema.ts";

const roundId = "demo-round-22";
const agenda = [
  "Confidence-building measures: release of hostages and the search for missing persons",
  "The return of refugees",
  "Post-conflict recovery",
];

async function isLoaded(db: Db): Promise<boolean> {
  const [row] = await db
    .select({ id: programmeAgendaItems.id })
    .from(programmeAgendaItems)
    .where(eq(programmeAgendaItems.isDemo, true))
    .limit(1);
  return row !== undefined;
}

export const programmeDemo: DemoPart = {
  isLoaded,
  load: async ({ tx }) => {
    const found = await findVisibleRound(tx, systemActor("demo"), roundId).catch(() => null);
    if (!found) return {} as Record<string, number>;
    const round = { process_id: found.round.processId };
    const days = [found.round.startDate, found.round.endDate]
      .filter((day, index, all): day is string => Boolean(day) && all.indexOf(day) === index)
      .map((date) => ({ date, from: "09:00", to: "18:00", breaks: [] }));
    await tx
      .insert(programmePlans)
      .values({ roundId, processId: round.process_id, days, agendaAdopted: true, isDemo: true });
    await tx.insert(programmeAgendaItems).values(
      agenda.map((title, index) => ({
        id: `${roundId}-agenda-${index + 1}`,
        roundId,
        processId: round.process_id,
        position: index + 1,
        title,
        status: "adopted" as const,
        isDemo: true,
      })),
    );
    return { programme_plans: 1, programme_agenda_items: agenda.length };
  },
  remove: async ({ tx }) => {
    const items = await tx
      .delete(programmeAgendaItems)
      .where(eq(programmeAgendaItems.isDemo, true))
      .returning({ id: programmeAgendaItems.id });
    const plans = await tx
      .delete(programmePlans)
      .where(eq(programmePlans.isDemo, true))
      .returning({ id: programmePlans.roundId });
    return { programme_agenda_items: items.length, programme_plans: plans.length };
  },
};
