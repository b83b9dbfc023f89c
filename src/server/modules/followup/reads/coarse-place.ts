// Where the public may see an incident: its place rounded in SQL, so the exact coordinates never leave
// the database for a reader without the raw report.
import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { followupIncidents as i } from "../schema.ts";

/**
 * The grid a coarsened place is rounded to, in degrees: 0.1° (about 11 km) or the report's own stated
 * precision when coarser (near a place: 0.25°; a region: 1°).
 */
const grid = sql<number>`(case ${i.geoPrecision} when 'region' then 1.0 when 'near' then 0.25 else 0.1 end)::float8`;

/** For a reader who does not get the raw report (`full` false): the coordinate rounded to the grid; else null. */
export function coarsePlace(full: SQL, column: AnyPgColumn): SQL<number | null> {
  return sql<
    number | null
  >`case when ${full} then null else round((round(${column} / ${grid}) * ${grid})::numeric, 2)::float8 end`;
}

/** The grid the coarsened place was rounded to, for the same readers; null for those with the report. */
export function gridOfPlace(full: SQL): SQL<number | null> {
  return sql<number | null>`case when ${full} then null else ${grid} end`;
}
