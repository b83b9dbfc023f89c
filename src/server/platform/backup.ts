// Backup and restore in one portable, logical format that works on both engines (PGlite and a
// PostgreSQL server): the migration level, then every table's rows as JSON, parents before children.
// It is read from one snapshot (a read-only REPEATABLE READ transaction), so a backup taken while the
// platform is written to is consistent: every change committed before it began, none half.
import { gunzipSync, gzipSync } from "node:zlib";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "./db.ts";
import { Conflict } from "./errors.ts";

const format = "astana-backup";
const formatVersion = 1;
const rowsPerLine = 500;

type Migration = { hash: string; created_at: string };
type TableSummary = { name: string; columns: string[]; rows: number };
type Header = {
  format: typeof format;
  formatVersion: number;
  createdAt: string;
  migrations: Migration[];
  tables: TableSummary[];
};

/** What a backup holds, as the CLI reports it. */
export type BackupSummary = { tables: number; rows: number; migrationLevel: number; createdAt: string };

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The tables of the public schema, each after every table its foreign keys point to. */
async function tablesInDependencyOrder(db: Db): Promise<string[]> {
  const tables = (
    await rows<{ name: string }>(
      db,
      sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname`,
    )
  ).map((row) => row.name);
  const edges = await rows<{ child: string; parent: string }>(
    db,
    sql`select c.relname as child, p.relname as parent from pg_constraint k
        join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
        join pg_namespace n on n.oid = c.relnamespace
        where k.contype = 'f' and n.nspname = 'public' and c.oid <> p.oid`,
  );
  const ordered: string[] = [];
  const placed = new Set<string>();
  const place = (table: string, path: Set<string>) => {
    if (placed.has(table)) return;
    if (path.has(table))
      throw new Error(`Foreign keys form a cycle through ${table}; cannot order a backup.`);
    path.add(table);
    for (const edge of edges) if (edge.child === table) place(edge.parent, path);
    path.delete(table);
    placed.add(table);
    ordered.push(table);
  };
  for (const table of tables) place(table, new Set());
  return ordered;
}

/** The columns a row can be inserted with: generated columns are computed again by the database. */
async function insertableColumns(db: Db, table: string): Promise<string[]> {
  return (
    await rows<{ name: string }>(
      db,
      sql`select a.attname as name from pg_attribute a
          where a.attrelid = ${`public.${quote(table)}`}::regclass and a.attnum > 0
            and not a.attisdropped and a.attgenerated = '' order by a.attnum`,
    )
  ).map((row) => row.name);
}

async function migrationLevel(db: Db): Promise<Migration[]> {
  const [exists] = await rows<{ present: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!exists?.present) return [];
  return rows<Migration>(
    db,
    sql`select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by created_at, id`,
  );
}

/**
 * Writes every table of the database into a backup (gzip-compressed JSON lines), read in one
 * read-only REPEATABLE READ transaction so the backup is one consistent snapshot.
 */
export async function takeBackup(db: Db): Promise<{ content: Buffer; summary: BackupSummary }> {
  return db.transaction(
    async (tx) => {
      const snapshot = tx as unknown as Db;
      const migrations = await migrationLevel(snapshot);
      const body: string[] = [];
      const tables: TableSummary[] = [];
      for (const table of await tablesInDependencyOrder(snapshot)) {
        const columns = await insertableColumns(snapshot, table);
        const list = columns.map(quote).join(", ");
        const all = await rows<{ row: string }>(
          snapshot,
          sql.raw(`select row_to_json(t)::text as row from (select ${list} from public.${quote(table)}) t`),
        );
        for (let start = 0; start < all.length; start += rowsPerLine) {
          const chunk = all.slice(start, start + rowsPerLine).map((entry) => entry.row);
          body.push(`{"table":${JSON.stringify(table)},"rows":[${chunk.join(",")}]}`);
        }
        tables.push({ name: table, columns, rows: all.length });
      }
      const header: Header = {
        format,
        formatVersion,
        createdAt: new Date().toISOString(),
        migrations,
        tables,
      };
      const content = gzipSync(`${[JSON.stringify(header), ...body].join("\n")}\n`);
      return { content, summary: summarize(header) };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

function summarize(header: Header): BackupSummary {
  return {
    tables: header.tables.length,
    rows: header.tables.reduce((sum, table) => sum + table.rows, 0),
    migrationLevel: header.migrations.length,
    createdAt: header.createdAt,
  };
}

function parseBackup(content: Buffer): { header: Header; lines: string[] } {
  let text: string;
  try {
    text = gunzipSync(content).toString("utf8");
  } catch {
    text = content.toString("utf8");
  }
  const [first, ...lines] = text.split("\n").filter((line) => line.length > 0);
  let header: Header | undefined;
  try {
    header = first ? (JSON.parse(first) as Header) : undefined;
  } catch {
    header = undefined;
  }
  if (header?.format !== format)
    throw new Conflict("This file is not an Astana backup.", null, "not_a_backup");
  if (header.formatVersion !== formatVersion) {
    throw new Conflict(
      `This backup has format version ${header.formatVersion}; this version of Astana reads ${formatVersion}.`,
      null,
      "backup_format",
    );
  }
  return { header, lines };
}

/** The tables of the public schema that hold at least one row: a restore target must have none. */
export async function tablesWithRows(db: Db): Promise<string[]> {
  const tables = await rows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p')`,
  );
  const filled: string[] = [];
  for (const { name } of tables) {
    const [row] = await rows<{ filled: boolean }>(
      db,
      sql.raw(`select exists (select 1 from public.${quote(name)}) as filled`),
    );
    if (row?.filled) filled.push(name);
  }
  return filled;
}

/**
 * Refuses to restore over data: the target database must hold no row in any table (it may be new, or
 * migrated and empty). Called before migrating, so a refused restore changes nothing.
 */
export async function assertRestorable(db: Db): Promise<void> {
  const filled = await tablesWithRows(db);
  if (filled.length > 0) {
    throw new Conflict(
      `The database is not empty (${filled.length} tables hold rows, e.g. ${filled.slice(0, 3).join(", ")}). Restore into an empty data directory (a new DATA_DIR) or an empty database.`,
      { tables: filled },
      "database_not_empty",
    );
  }
}

/**
 * Loads a backup into a migrated, empty database, in one transaction: the migration level must match
 * this version's (restore with the version that took the backup, then upgrade); rows are inserted
 * parents first (the audit log's trigger allows inserts, so the hash chain arrives intact), and every
 * sequence is set past the largest restored value.
 */
export async function restoreBackup(db: Db, content: Buffer): Promise<BackupSummary> {
  const { header, lines } = parseBackup(content);
  const current = await migrationLevel(db);
  const same =
    current.length === header.migrations.length &&
    current.every((migration, index) => migration.hash === header.migrations[index]?.hash);
  if (!same) {
    throw new Conflict(
      `This backup is at migration level ${header.migrations.length} and this version of Astana at ${current.length} (or their migrations differ). Restore it with the version that took it, then start the new version to migrate.`,
      null,
      "backup_migration_level",
    );
  }
  await db.transaction(async (tx) => {
    const target = tx as unknown as Db;
    await assertRestorable(target);
    const columnsOf = new Map<string, string[]>();
    for (const table of header.tables) {
      const existing = new Set(await insertableColumns(target, table.name));
      columnsOf.set(
        table.name,
        table.columns.filter((column) => existing.has(column)),
      );
    }
    for (const line of lines) {
      const chunk = JSON.parse(line) as { table: string; rows: unknown[] };
      const columns = columnsOf.get(chunk.table);
      if (!columns) throw new Conflict(`The backup names a table it did not list: ${chunk.table}.`);
      const list = columns.map(quote).join(", ");
      const table = `public.${quote(chunk.table)}`;
      await target.execute(
        sql`${sql.raw(`insert into ${table} (${list}) overriding system value select ${list} from json_populate_recordset(null::${table}, `)}${JSON.stringify(chunk.rows)}::json)`,
      );
    }
    const sequences = await rows<{ table_name: string; column_name: string }>(
      target,
      sql`select table_name, column_name from information_schema.columns
          where table_schema = 'public' and (column_default like 'nextval(%' or is_identity = 'YES')`,
    );
    for (const { table_name: table, column_name: column } of sequences) {
      await target.execute(
        sql.raw(
          `select setval(pg_get_serial_sequence('public.${quote(table)}', '${column.replaceAll("'", "''")}'), coalesce(max(${quote(column)}), 0) + 1, false) from public.${quote(table)}`,
        ),
      );
    }
    for (const table of header.tables) {
      const [count] = await rows<{ rows: number }>(
        target,
        sql.raw(`select count(*)::int as rows from public.${quote(table.name)}`),
      );
      const found = count?.rows;
      if (found !== table.rows) {
        throw new Error(
          `Restoring ${table.name} gave ${found} rows instead of ${table.rows}; nothing was restored.`,
        );
      }
    }
  });
  return summarize(header);
}
