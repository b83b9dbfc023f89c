// The feeds of a process: an Atom feed of its announcements and published decisions, and an
// iCalendar feed of its rounds. Both read what the pages read (the visible rounds, the process's
// decisions), so a round hidden from a reader is absent from the reader's feeds too.
import type { ExportLanguage } from "../../../../contracts/record.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { type FeedEntry, toAtom } from "../../../platform/exports/atom.ts";
import { type CalendarEvent, toICalendar } from "../../../platform/exports/ical.ts";
import {
  announcementsOfRounds,
  getProcess,
  listProcessRounds,
  nextRoundDecisionsOfRounds,
} from "../../core/index.ts";
import { nameIn } from "./names.ts";
import type { WebUrl } from "./process-csv.ts";

type Input = { db: Db; actor: Actor; processRef: string; lang: ExportLanguage; webUrl: WebUrl };

const decisionTitles = {
  launch: "Launched",
  suspend: "Suspended",
  conclude: "Concluded",
  resume: "Resumed",
} as const;

/** A day as readers write it in English (7 December 2024), for titles and descriptions. */
function longDay(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

function dayRange(start: string, end: string | null): string {
  return end && end !== start ? `${longDay(start)} – ${longDay(end)}` : longDay(start);
}

/**
 * The Atom feed of a process: each announcement of a round the reader may see, each lifecycle
 * decision (launched, concluded, resumed…), and each round's published decision on the next round.
 */
export async function processAtom(input: Input & { self: string }): Promise<string> {
  const { db, actor, processRef, lang, webUrl } = input;
  const process = await getProcess(db, actor, processRef);
  const rounds = await listProcessRounds(db, actor, process.id);
  const announcements = await announcementsOfRounds(
    db,
    rounds.items.map((round) => round.id),
  );
  const roundsById = new Map(rounds.items.map((round) => [round.id, round]));
  const processName = nameIn(process.names, lang);
  const processPage = webUrl(`/processes/${encodeURIComponent(process.slug)}`);
  const roundPage = (id: string) => webUrl(`/rounds/${encodeURIComponent(id)}`);
  const entries: FeedEntry[] = [
    ...announcements.flatMap((announcement) => {
      const round = roundsById.get(announcement.roundId);
      if (!round) return [];
      const dates = announcement.announcedStart
        ? `: ${dayRange(announcement.announcedStart, announcement.announcedEnd)}`
        : "";
      return [
        {
          id: `${roundPage(round.id)}#announcement-${announcement.id}`,
          title: `Announcement of ${nameIn(round.names, lang)}${dates}${announcement.announcedCity ? `, ${announcement.announcedCity}` : ""}`,
          link: roundPage(round.id),
          date: announcement.publishedOn,
          summary: announcement.text,
        },
      ];
    }),
    ...process.decisions.map((decision) => ({
      id: `${processPage}#decision-${decision.id}`,
      title: `${decisionTitles[decision.kind]}: ${processName} (${decision.decidedBy})`,
      link: `${processPage}#decision-${decision.id}`,
      date: decision.decidedOn,
      summary: decision.text,
      author: decision.decidedBy,
    })),
  ];
  for (const decision of await nextRoundDecisionsOfRounds(db, [...roundsById.keys()])) {
    const round = roundsById.get(decision.roundId);
    const decidedOn = round?.endDate ?? round?.startDate;
    if (!round || !decidedOn) continue;
    entries.push({
      id: `${roundPage(round.id)}#next-round`,
      title: `${nameIn(round.names, lang)} decided the next round`,
      link: roundPage(round.id),
      date: decidedOn,
      summary: decision.wording,
    });
  }
  return toAtom(
    {
      id: `${processPage}#feed`,
      title: `${processName}: announcements and decisions`,
      link: processPage,
      self: input.self,
      description: `Announcements of rounds and published decisions of ${processName}, from its public record.`,
      language: lang,
      author: "Astana",
    },
    entries,
  );
}

/**
 * The rounds of a process as all-day events: the dates as held once a round has met (in session or
 * concluded), as announced (or planned) otherwise, and the description says which; cancelled rounds
 * stay, marked cancelled. UIDs are the rounds' ids and SEQUENCE their version, so a subscribed
 * calendar updates an event when the record changes instead of adding another. Rounds without dates
 * are left out (a gap stays a gap).
 */
export async function processCalendar(input: Input): Promise<string> {
  const { db, actor, processRef, lang, webUrl } = input;
  const process = await getProcess(db, actor, processRef);
  const rounds = await listProcessRounds(db, actor, process.id);
  const announcements = await announcementsOfRounds(
    db,
    rounds.items.map((round) => round.id),
  );
  const host = new URL(webUrl("/")).hostname;
  const events: CalendarEvent[] = [];
  for (const round of rounds.items) {
    if (!round.startDate) continue;
    const end = round.endDate ?? round.startDate;
    const held = round.status === "in_session" || round.status === "concluded";
    const latest = announcements.filter((announcement) => announcement.roundId === round.id).at(-1);
    const which = held
      ? `Dates as held: ${dayRange(round.startDate, round.endDate)}.`
      : latest
        ? `Dates as announced on ${longDay(latest.publishedOn)} (not yet held): ${dayRange(round.startDate, round.endDate)}.`
        : `Dates as planned (not yet announced): ${dayRange(round.startDate, round.endDate)}.`;
    const url = webUrl(`/rounds/${encodeURIComponent(round.id)}`);
    events.push({
      uid: `round-${round.id}@${host}`,
      sequence: round.version,
      summary: nameIn(round.names, lang),
      description: [
        `${nameIn(round.names, lang)} (${round.status.replaceAll("_", " ")}).`,
        which,
        round.statusReason ?? "",
        url,
      ]
        .filter(Boolean)
        .join("\n"),
      startDate: round.startDate,
      endDate: end,
      location: [round.venue, round.city].filter(Boolean).join(", ") || null,
      url,
      stamp: latest?.publishedOn ?? round.startDate,
      cancelled: round.status === "cancelled",
      tentative: !held && round.status !== "cancelled",
    });
  }
  return toICalendar(
    {
      name: `${nameIn(process.names, lang)}: rounds`,
      description: `The rounds of ${nameIn(process.names, lang)}, from its public record.`,
      url: webUrl(`/processes/${encodeURIComponent(process.slug)}`),
    },
    events,
  );
}
