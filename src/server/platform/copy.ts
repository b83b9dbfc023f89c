// Bulk loading by COPY on either database: `COPY … FROM STDIN` on a PostgreSQL server (through
// pg-copy-streams), `COPY … FROM '/dev/blob'` on PGlite (its `blob` query option). For scratch tables
// filled outside an operation (an import's staged rows); an operation's own writes use bulk.ts.
import { finished } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Db } from "./db.ts";

/**
 * One value as a CSV field for COPY: null as an empty unquoted field (COPY's NULL in CSV), a number as
 * its digits, anything else quoted, so an empty string stays an empty string and commas, quotes and
 * line breaks stay data.
 * Objects go as their JSON (for jsonb columns).
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return text.includes('"') ? `"${text.replaceAll('"', '""')}"` : `"${text}"`;
}

/** One row's fields as a CSV line for COPY (see csvField). */
export function csvLine(values: unknown[]): string {
  return `${values.map(csvField).join(",")}\n`;
}

/**
 * Loads CSV lines (csvLine's) into `table`'s `columns` with one COPY statement, its own transaction: all
 * the lines or none. Called on the database handle, never inside a transaction (a COPY from the client
 * needs a connection of its own on a server, and PGlite queues it behind any open transaction).
 */
export async function copyCsv(db: Db, table: string, columns: string[], csv: string): Promise<void> {
  if (csv.length === 0) return;
  const statement = `copy ${quote(table)} (${columns.map(quote).join(", ")}) from %SOURCE% with (format csv)`;
  const client = (db as unknown as { $client?: unknown }).$client;
  if (client instanceof PGlite) {
    await client.query(statement.replace("%SOURCE%", "'/dev/blob'"), [], { blob: new Blob([csv]) });
    return;
  }
  if (client && typeof (client as pg.Pool).connect === "function") {
    const connection = await (client as pg.Pool).connect();
    try {
      const stream = connection.query(copyFrom(statement.replace("%SOURCE%", "stdin")));
      stream.end(csv);
      await finished(stream);
    } catch (error) {
      // A connection a COPY failed on is closed, not handed back to the pool mid-protocol.
      connection.release(error as Error);
      throw error;
    }
    connection.release();
    return;
  }
  throw new Error("copyCsv needs the database handle (PGlite or a PostgreSQL pool), not a transaction");
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
