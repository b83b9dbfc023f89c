import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzleNodePostgres } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePostgres } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "../schema.ts";

export type Schema = typeof schema;
/** A drizzle handle on either database; a transaction has the same shape. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export const migrationsFolder = fileURLToPath(new URL("../../../migrations", import.meta.url));

export type DatabaseTarget =
  | { kind: "pglite"; dataDir: string }
  | { kind: "pglite-instance"; instance: PGlite }
  | { kind: "postgres"; url: string };

/** One database connection for the whole server: drizzle, LISTEN/NOTIFY and a clean close. */
export type Database = {
  kind: "pglite" | "postgres";
  db: Db;
  /** Subscribes to a notification channel; resolves to the unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** True when a trivial query answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
};

/** The extensions every database of ours has; PGlite needs their code loaded before CREATE EXTENSION. */
export const pgliteExtensions = { pg_trgm, unaccent };

/** Opens (creating if needed) an embedded PGlite data directory with our extensions loaded. */
export async function openPglite(dataDir: string): Promise<PGlite> {
  mkdirSync(path.dirname(dataDir), { recursive: true });
  return PGlite.create({ dataDir, extensions: pgliteExtensions });
}

/** Connects to the database the configuration names: embedded PGlite by default, a server with DATABASE_URL. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === "postgres") return openPostgres(target.url);
  const instance = target.kind === "pglite" ? await openPglite(target.dataDir) : target.instance;
  const db = drizzlePglite({ client: instance, schema }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    listen: async (channel, onPayload) => {
      const unlisten = await instance.listen(channel, onPayload);
      return async () => {
        if (!instance.closed) await unlisten();
      };
    },
    ping: async () => {
      try {
        await instance.query("select 1");
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      if (!instance.closed) await instance.close();
    },
  };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on("error", () => {
    // An idle client lost its connection; the pool replaces it. Queries report their own errors.
  });
  const db = drizzleNodePostgres({ client: pool, schema }) as unknown as Db;
  let listener: pg.Client | undefined;
  const handlers = new Map<string, Set<(payload: string) => void>>();
  return {
    kind: "postgres",
    db,
    listen: async (channel, onPayload) => {
      if (!listener) {
        listener = new pg.Client({ connectionString: url });
        listener.on("error", () => {});
        await listener.connect();
        listener.on("notification", (message) => {
          for (const handler of handlers.get(message.channel) ?? []) handler(message.payload ?? "");
        });
      }
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        await listener.query(`LISTEN ${quoteIdentifier(channel)}`);
      }
      set.add(onPayload);
      return async () => {
        set.delete(onPayload);
      };
    },
    ping: async () => {
      try {
        await pool.query("select 1");
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      await listener?.end().catch(() => {});
      await pool.end();
    },
  };
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Applies every migration not yet applied; the same SQL files serve PGlite and PostgreSQL. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === "pglite") {
    // biome-ignore lint/suspicious/noExplicitAny: the two drivers' migrators take their own handle types
    await migratePglite(database.db as any, { migrationsFolder });
  } else {
    // biome-ignore lint/suspicious/noExplicitAny: as above
    await migrateNodePostgres(database.db as any, { migrationsFolder });
  }
}
