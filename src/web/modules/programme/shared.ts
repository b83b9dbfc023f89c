// What the programme's pages share: kinds' colours, names in the reader's language, clock times.
import type { SessionKind } from "../../../contracts/programme.ts";

/** Each kind's colour: a light fill (dark text stays readable on it) and a strong edge. */
export const kindColours: Record<SessionKind, { fill: string; edge: string }> = {
  bilateral: { fill: "#d0ebff", edge: "#1864ab" },
  trilateral: { fill: "#c3fae8", edge: "#087f5b" },
  multilateral: { fill: "#e5dbff", edge: "#5f3dc4" },
  plenary: { fill: "#ffe8cc", edge: "#d9480f" },
  press_conference: { fill: "#ffdeeb", edge: "#a61e4d" },
  working_group: { fill: "#d3f9d8", edge: "#2b8a3e" },
  ministerial: { fill: "#fff3bf", edge: "#e67700" },
  reception: { fill: "#f1f3f5", edge: "#495057" },
  break: { fill: "#e9ecef", edge: "#868e96" },
};

export const sessionKinds = Object.keys(kindColours) as SessionKind[];

/** A participant's name in the reader's language, its English name otherwise. */
export function nameIn(
  language: string,
  participant: { name: string; names: Record<string, string | undefined> },
): string {
  return participant.names[language.slice(0, 2)] ?? participant.name;
}

/** The venue's clock time of a moment written with its offset: "2025-05-20T09:30:00+05:00" → "09:30". */
export const clockOf = (moment: string) => moment.slice(11, 16);

/** Minutes since midnight of an "HH:MM". */
export const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Replaces every id a message carries by its name (the scheduler's reasons name delegations by id). */
export function withNames(message: string, names: Map<string, string>): string {
  let text = message;
  for (const [id, name] of names) text = text.replaceAll(`"${id}"`, name).replaceAll(id, name);
  return text;
}
