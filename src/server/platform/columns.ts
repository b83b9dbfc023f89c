// Column groups and checks that many tables share, written once so every table names and types them
// alike. Spread them into a pgTable's columns in the place the columns stand in the table.
import { sql } from "drizzle-orm";
import { type AnyPgColumn, boolean, check, integer, timestamp } from "drizzle-orm/pg-core";

/** When a row was created and last changed. */
export const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

/**
 * A row edited by people: its version, which every write must name and raises by one so a write
 * based on an older read is refused (409 stale_version), and its times.
 */
export const versioned = {
  version: integer("version").notNull().default(1),
  ...timestamps,
};

/** Marks a row the demonstration import created, so removing the demonstration removes it and nothing else. */
export const demoFlag = {
  isDemo: boolean("is_demo").notNull().default(false),
};

/** A row whose period may be open at either end: its end, when both are known, is not before its start. */
export function datesOrdered(name: string, table: { startDate: AnyPgColumn; endDate: AnyPgColumn }) {
  return check(
    name,
    sql`${table.endDate} is null or ${table.startDate} is null or ${table.endDate} >= ${table.startDate}`,
  );
}
