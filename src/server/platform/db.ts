import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { drizzle as drizzleNodePostgres } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePostgres } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { projectPath } from "../paths.ts";
import { acquireDataDirLock, type DataDirLock } from "./data-dir-lock.ts";
import { isEmptyDataDir, prepareTemplate, readTemplate, templateFile } from "./pglite-template.ts";

/**
 * A drizzle handle on either database; a transaction has the same shape. Queries name their tables
 * (each module's `schema.ts`), so the handle itself carries no schema and the platform knows no module.
 */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = PgTransaction<PgQueryResultHKT>;

export const migrationsFolder = projectPath("migrations");

export type DatabaseTarget =
  | { kind: "pglite"; dataDir: string }
  | { kind: "pglite-instance"; instance: PGlite }
  | { kind: "postgres"; url: string };

/** One database connection for the whole server: drizzle, LISTEN/NOTIFY and a clean close. */
export type Database = {
  kind: "pglite" | "postgres";
  db: Db;
  /**
   * Subscribes to a notification channel; resolves to the unsubscribe function. `onReconnect` is
   * called after a lost listening connection is re-established, so the caller can catch up on what
   * was notified meanwhile.
   */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    onReconnect?: () => void,
  ): Promise<() => Promise<void>>;
  /** True when a trivial query answers. */
  ping(): Promise<boolean>;
  /** The lock on the embedded data directory this database holds (none for a server or an instance). */
  dataDirLock: DataDirLock | undefined;
  close(): Promise<void>;
};

/** The extensions every database of ours has; PGlite needs their code loaded before CREATE EXTENSION. */
export const pgliteExtensions = { pg_trgm, unaccent };

/** The prepared database for these migrations (see pglite-template.ts). */
export function pgliteTemplateFile(): string {
  return templateFile(migrationsFolder, Object.keys(pgliteExtensions));
}

const locks = new WeakMap<PGlite, DataDirLock>();

/**
 * Opens (creating if needed) an embedded PGlite data directory with our extensions loaded. This is the
 * only place a data directory is opened, so it is where the directory is locked: a second opener, in
 * this process or another, gets DataDirectoryBusy instead of a corrupted database. Closing the instance
 * releases the lock.
 */
export async function openPglite(dataDir: string): Promise<PGlite> {
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const lock = acquireDataDirLock(dataDir);
  let instance: PGlite;
  try {
    // An empty directory starts from the prepared template when the build made one, else from initdb.
    const template = isEmptyDataDir(dataDir) ? readTemplate(pgliteTemplateFile()) : undefined;
    instance = await PGlite.create({
      dataDir,
      extensions: pgliteExtensions,
      ...(template ? { loadDataDir: template } : {}),
    });
  } catch (error) {
    lock.release();
    throw error;
  }
  const close = instance.close.bind(instance);
  instance.close = async () => {
    try {
      await close();
    } finally {
      lock.release();
    }
  };
  locks.set(instance, lock);
  return instance;
}

/** Prepares the template database for a quick first start, if it is missing (run at build time). */
export async function preparePgliteTemplate(): Promise<boolean> {
  return prepareTemplate(
    pgliteTemplateFile(),
    () => PGlite.create({ extensions: pgliteExtensions }),
    async (instance) => {
      const database = await openDatabase({ kind: "pglite-instance", instance });
      await migrateDatabase(database);
    },
  );
}

/** Connects to the database the configuration names: embedded PGlite by default, a server with DATABASE_URL. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === "postgres") return openPostgres(target.url);
  const instance = target.kind === "pglite" ? await openPglite(target.dataDir) : target.instance;
  const db = drizzlePglite({ client: instance }) as unknown as Db;
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
    dataDirLock: locks.get(instance),
    close: async () => {
      if (!instance.closed) await instance.close();
    },
  };
}

/**
 * JIT compilation off for our sessions: the tier rules make plans whose estimated cost passes the JIT
 * threshold while they run in milliseconds, and compiling them took seconds (the search index's public
 * flag: 6 s of JIT for a 10 ms update).
 */
const sessionOptions = "-c jit=off";

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10, options: sessionOptions });
  pool.on("error", () => {
    // An idle client lost its connection; the pool replaces it. Queries report their own errors.
  });
  const db = drizzleNodePostgres({ client: pool }) as unknown as Db;
  const listener = new PostgresListener(url);
  return {
    kind: "postgres",
    db,
    listen: (channel, onPayload, onReconnect) => listener.listen(channel, onPayload, onReconnect),
    ping: async () => {
      try {
        await pool.query("select 1");
        return true;
      } catch {
        return false;
      }
    },
    dataDirLock: undefined,
    close: async () => {
      await listener.close();
      await pool.end();
    },
  };
}

/**
 * The one connection a server instance listens on. PostgreSQL drops notifications sent while nobody
 * listens, so a lost connection is reopened (with back-off, up to 30 s between attempts), every channel
 * is listened to again, and the subscribers are told so they can catch up from the outbox.
 */
class PostgresListener {
  private client: pg.Client | undefined;
  private connecting: Promise<pg.Client> | undefined;
  private closed = false;
  private retryDelayMs = 500;
  private readonly handlers = new Map<string, Set<(payload: string) => void>>();
  private readonly reconnectHandlers = new Set<() => void>();
  private readonly url: string;

  constructor(url: string) {
    this.url = url;
  }

  async listen(
    channel: string,
    onPayload: (payload: string) => void,
    onReconnect?: () => void,
  ): Promise<() => Promise<void>> {
    const client = await this.connection();
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      await client.query(`LISTEN ${quoteIdentifier(channel)}`);
    }
    set.add(onPayload);
    if (onReconnect) this.reconnectHandlers.add(onReconnect);
    return async () => {
      set.delete(onPayload);
      if (onReconnect) this.reconnectHandlers.delete(onReconnect);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }

  private connection(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.open().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async open(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.url });
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    client.on("notification", (message) => {
      for (const handler of this.handlers.get(message.channel) ?? []) handler(message.payload ?? "");
    });
    await client.connect();
    for (const channel of this.handlers.keys()) await client.query(`LISTEN ${quoteIdentifier(channel)}`);
    this.client = client;
    this.retryDelayMs = 500;
    return client;
  }

  private lost(client: pg.Client): void {
    if (this.closed || this.client !== client) return;
    this.client = undefined;
    client.end().catch(() => {});
    const retry = () => {
      if (this.closed) return;
      this.connection().then(
        () => {
          for (const handler of this.reconnectHandlers) handler();
        },
        () => {
          this.retryDelayMs = Math.min(this.retryDelayMs * 2, 30_000);
          setTimeout(retry, this.retryDelayMs).unref();
        },
      );
    };
    setTimeout(retry, this.retryDelayMs).unref();
  }
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
