import { randomUUID } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import {
  type Database,
  migrateDatabase,
  openDatabase,
  pgliteExtensions,
} from "../../src/server/platform/db.ts";

/** Which database the integration suite runs on: PGlite, or the server named by TEST_DATABASE_URL. */
export const testDatabaseKind: "pglite" | "postgres" = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";

let pgliteTemplate: Promise<PGlite> | undefined;

async function migratedPgliteTemplate(): Promise<PGlite> {
  const instance = await PGlite.create({ extensions: pgliteExtensions });
  const database = await openDatabase({ kind: "pglite-instance", instance });
  await migrateDatabase(database);
  return instance;
}

let postgresTemplate: Promise<string> | undefined;

/** Migrates one template database per test process; each test gets a copy (CREATE DATABASE … TEMPLATE). */
async function migratedPostgresTemplate(serverUrl: string): Promise<string> {
  const name = `astana_tpl_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const database = await openDatabase({ kind: "postgres", url: withDatabaseName(serverUrl, name) });
  await migrateDatabase(database);
  await database.close();
  return name;
}

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * A fresh, migrated database of the suite's kind for one test (or one file): a clone of a template
 * migrated once per process, so each test starts from the same empty schema in well under a second.
 */
export async function freshDatabase(): Promise<Database & { url?: string }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    postgresTemplate ??= migratedPostgresTemplate(serverUrl);
    const template = await postgresTemplate;
    const name = `astana_t_${randomUUID().replaceAll("-", "")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    await admin.end();
    const url = withDatabaseName(serverUrl, name);
    const database = await openDatabase({ kind: "postgres", url });
    return {
      ...database,
      url,
      close: async () => {
        await database.close();
        const cleanup = new pg.Client({ connectionString: serverUrl });
        await cleanup.connect();
        await cleanup.query(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    };
  }
  pgliteTemplate ??= migratedPgliteTemplate();
  const instance = (await (await pgliteTemplate).clone()) as PGlite;
  return openDatabase({ kind: "pglite-instance", instance });
}
