// The follow-up's colours, shared by the map, its legend, the list and the chart: a zone's status and an
// incident's type (ACLED's event types), each with a text label beside it so colour is never the only cue.
import type { ZoneStatus } from "../../../contracts/followup.ts";

export const zoneStatusColours: Record<ZoneStatus, string> = {
  established: "#1c7ed6",
  partly_seized: "#f08c00",
  retaken: "#c92a2a",
  dissolved: "#868e96",
};

/** ACLED's six event types, as its exports spell them; anything else is "other". */
export const eventTypeColours: Record<string, string> = {
  Battles: "#c92a2a",
  "Explosions/Remote violence": "#d9480f",
  "Violence against civilians": "#862e9c",
  "Strategic developments": "#1971c2",
  Protests: "#2b8a3e",
  Riots: "#e67700",
};
export const otherEventColour = "#495057";

export const colourOfEventType = (type: string) => eventTypeColours[type] ?? otherEventColour;

/** The chart's series colours, one per zone in order (the last, grey, for incidents outside every zone). */
export const seriesColours = ["#1c7ed6", "#e8590c", "#2f9e44", "#862e9c", "#c2255c", "#0c8599", "#5c940d"];
export const outsideColour = "#868e96";
