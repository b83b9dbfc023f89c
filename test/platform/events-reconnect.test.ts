import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { systemActor } from "../../src/server/platform/authz.ts";
import type { Db } from "../../src/server/platform/db.ts";
import { EventHub, type PublishedEvent, writeEvent } from "../../src/server/platform/events.ts";
import { freshDatabase, testDatabaseKind } from "../helpers/database.ts";

async function commitEvent(db: Db, n: number) {
  await db.transaction(async (tx) => {
    await writeEvent(tx as unknown as Db, { type: "test.reconnect", tier: "public", payload: { n } });
  });
}

async function until(check: () => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// PGlite listens in process and cannot lose its connection; a PostgreSQL server can.
describe.skipIf(testDatabaseKind !== "postgres")("live events when the listening connection drops", () => {
  it("reconnects, listens again and delivers what was committed while it was away", async () => {
    const database = await freshDatabase();
    const hub = new EventHub(database);
    const received: PublishedEvent[] = [];
    try {
      await hub.start();
      hub.subscribe({ actor: () => systemActor("test"), deliver: (event) => received.push(event) });
      await commitEvent(database.db, 1);
      await until(() => received.length === 1);

      // Cut the listening connection from the server side, as a restart or a network fault would.
      await database.db.execute(
        sql`select pg_terminate_backend(pid) from pg_stat_activity where query like 'LISTEN%' and pid <> pg_backend_pid()`,
      );
      await commitEvent(database.db, 2);
      await until(() => received.length >= 2);
      await commitEvent(database.db, 3);
      await until(() => received.some((event) => (event.payload as { n: number }).n === 3));
      expect(received.map((event) => (event.payload as { n: number }).n)).toEqual([1, 2, 3]);
    } finally {
      await hub.stop();
      await database.close();
    }
  }, 60_000);
});
