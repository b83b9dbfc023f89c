// Reading ACLED's CSV export: the columns it must have, and each row checked and mapped to an incident,
// or the reasons it cannot be (so the report says which line failed and why).

import { hasControlCharacters, hasUnstorableCharacters } from "../../../contracts/common.ts";
import type { GeoPrecision, RowFault, TimePrecision } from "../../../contracts/followup.ts";
import { readDay } from "./dates.ts";
import { coordinateFault } from "./geo.ts";

/** The columns of ACLED's export the import reads; a file without any of them is refused as a whole. */
export const acledColumns = [
  "event_id_cnty",
  "event_date",
  "time_precision",
  "event_type",
  "sub_event_type",
  "actor1",
  "actor2",
  "admin1",
  "admin2",
  "admin3",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "source",
  "notes",
  "fatalities",
] as const;

/** An ACLED row as an incident's values. */
export type AcledIncident = {
  externalId: string;
  occurredOn: string;
  timePrecision: TimePrecision;
  eventType: string;
  subEventType: string | null;
  actor1: string | null;
  actor2: string | null;
  admin: string[];
  location: string | null;
  latitude: number;
  longitude: number;
  geoPrecision: GeoPrecision;
  source: string | null;
  notes: string | null;
  fatalities: number;
};

/** Bounding boxes ([min lon, min lat, max lon, max lat]) of the countries whose rows are checked against them. */
const countryBoxes: Record<string, [number, number, number, number]> = {
  syria: [35.5, 32.3, 42.5, 37.4],
};

const inBox = (box: [number, number, number, number], lon: number, lat: number) =>
  lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3];

/**
 * A point outside the country its row names: swapped latitude and longitude (which are both in range
 * for Syria, so only the country shows it) or simply elsewhere.
 */
function countryFault(
  row: Record<string, string | undefined>,
  lon: number,
  lat: number,
): { text: string; code: RowFault["code"]; country: string } | null {
  const box = countryBoxes[(row.country ?? "").trim().toLowerCase()];
  const country = row.country ?? "";
  if (!box || inBox(box, lon, lat)) return null;
  if (inBox(box, lat, lon))
    return {
      text: `the point (${lat}, ${lon}) lies outside ${country}: latitude and longitude look swapped`,
      code: "swapped",
      country,
    };
  return { text: `the point (${lat}, ${lon}) lies outside ${country}`, code: "outside_country", country };
}

/** Which bound a coordinate pair breaks, as a code (the English words are geo.ts's coordinateFault). */
function rangeFaultCode(lon: number, lat: number): RowFault["code"] {
  const latOk = Math.abs(lat) <= 90;
  if (!latOk && Math.abs(lat) <= 180 && Math.abs(lon) <= 90) return "swapped";
  return latOk ? "longitude_range" : "latitude_range";
}

/** The ACLED columns a header lacks. */
export function missingColumns(header: string[]): string[] {
  const present = new Set(header.map((name) => name.trim().toLowerCase()));
  return acledColumns.filter((name) => !present.has(name));
}

const timePrecisionOf: Record<string, TimePrecision> = { "": "day", "1": "day", "2": "week", "3": "month" };
const geoPrecisionOf: Record<string, GeoPrecision> = {
  "": "exact",
  "1": "exact",
  "2": "near",
  "3": "region",
};

/**
 * Checks one row (a record keyed by column name) and maps it, or gives every reason it is refused:
 * no event id, a date in no known form, coordinates missing, out of range or swapped, a precision or
 * fatality count that is not ACLED's, text the database cannot store.
 */
export function readAcledRow(
  row: Record<string, string | undefined>,
): { incident: AcledIncident } | { reasons: string[]; faults: RowFault[] } {
  const reasons: string[] = [];
  const faults: RowFault[] = [];
  // Each reason twice: in English (the CLI's report) and as a code a page words in its reader's language.
  const refuse = (
    field: string,
    code: RowFault["code"],
    english: string,
    params: RowFault["params"] = {},
  ) => {
    reasons.push(`${field}: ${english}`);
    faults.push({ field, code, params });
  };
  const text = (name: string, max: number): string | null => {
    const value = (row[name] ?? "").trim();
    if (value === "") return null;
    if (hasUnstorableCharacters(value) || hasControlCharacters(value.replace(/[\r\n\t]/g, " "))) {
      refuse(name, "unstorable", "contains characters that cannot be stored");
      return null;
    }
    if (value.length > max) {
      refuse(name, "too_long", `longer than ${max} characters`, { max });
      return null;
    }
    return value;
  };
  const externalId = text("event_id_cnty", 100);
  if (!externalId) refuse("event_id_cnty", "missing", "missing");
  const eventType = text("event_type", 200);
  if (!eventType) refuse("event_type", "missing", "missing");
  let occurredOn = "";
  const rawDate = (row.event_date ?? "").trim();
  if (!rawDate) refuse("event_date", "missing", "missing");
  else {
    const day = readDay(rawDate);
    if ("day" in day) occurredOn = day.day;
    else refuse("event_date", day.code, day.fault, { value: rawDate.slice(0, 40) });
  }
  const latitudeText = (row.latitude ?? "").trim();
  const longitudeText = (row.longitude ?? "").trim();
  const latitude = Number(latitudeText);
  const longitude = Number(longitudeText);
  const point = "latitude/longitude";
  if (latitudeText === "" || longitudeText === "") refuse(point, "missing", "missing");
  else if (!Number.isFinite(latitude) || !Number.isFinite(longitude))
    refuse(point, "not_numbers", "not numbers");
  else {
    const range = coordinateFault(longitude, latitude);
    const country = range ? null : countryFault(row, longitude, latitude);
    if (range)
      refuse(point, rangeFaultCode(longitude, latitude), range, { value: `${latitude}, ${longitude}` });
    else if (country)
      refuse(point, country.code, country.text, {
        value: `${latitude}, ${longitude}`,
        country: country.country,
      });
  }
  const timePrecision = timePrecisionOf[(row.time_precision ?? "").trim()];
  if (!timePrecision)
    refuse(
      "time_precision",
      "not_precision",
      `"${(row.time_precision ?? "").slice(0, 20)}" is not 1, 2 or 3`,
      {
        value: (row.time_precision ?? "").slice(0, 20),
      },
    );
  const geoPrecision = geoPrecisionOf[(row.geo_precision ?? "").trim()];
  if (!geoPrecision)
    refuse("geo_precision", "not_precision", `"${(row.geo_precision ?? "").slice(0, 20)}" is not 1, 2 or 3`, {
      value: (row.geo_precision ?? "").slice(0, 20),
    });
  const fatalitiesText = (row.fatalities ?? "").trim();
  const fatalities = fatalitiesText === "" ? 0 : Number(fatalitiesText);
  if (!Number.isSafeInteger(fatalities) || fatalities < 0 || fatalities > 1_000_000)
    refuse("fatalities", "not_count", `"${fatalitiesText.slice(0, 20)}" is not a count`, {
      value: fatalitiesText.slice(0, 20),
    });
  const incident = {
    externalId: externalId ?? "",
    occurredOn,
    timePrecision: timePrecision ?? "day",
    eventType: eventType ?? "",
    subEventType: text("sub_event_type", 200),
    actor1: text("actor1", 300),
    actor2: text("actor2", 300),
    admin: [text("admin1", 200), text("admin2", 200), text("admin3", 200)].filter(
      (v): v is string => v !== null,
    ),
    location: text("location", 300),
    latitude,
    longitude,
    geoPrecision: geoPrecision ?? "exact",
    source: text("source", 2000),
    notes: text("notes", 8000),
    fatalities,
  };
  return reasons.length > 0 ? { reasons, faults } : { incident };
}
