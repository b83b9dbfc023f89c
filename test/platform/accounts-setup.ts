// Shared set-up of the account and membership tests: a test server with two fixture processes, and readers of what an operation recorded.
import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import { auditLog, outbox } from "../../src/server/platform/schema.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { buildFixtures, type Fixtures, fixtureSession } from "../helpers/fixtures.ts";

/**
 * A test server with two fixture processes and an administrator's session, started before the
 * calling file's tests and closed after them; `ready` receives them once built.
 */
export function withAccountFixtures(
  ready: (started: { app: TestApp; fixtures: Fixtures; admin: string }) => void,
) {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startTestApp();
    const fixtures = await buildFixtures(app.deps.db, 2);
    ready({ app, fixtures, admin: await fixtureSession(app, fixtures.admin.email) });
  });
  afterAll(async () => {
    await app?.close();
  });
}

/** Readers of the newest audit entry and events, to show what an operation recorded and who hears of it. */
export function recordsOf(app: () => TestApp) {
  /** The copies of the newest event of a type (one per audience), newest first. */
  async function lastEvents(type: string) {
    const events = await app()
      .deps.db.select()
      .from(outbox)
      .where(eq(outbox.type, type))
      .orderBy(desc(outbox.id));
    const newestSubject = events[0]?.subjectId;
    return events.filter((event) => event.subjectId === newestSubject);
  }

  async function lastEvent(type: string) {
    return (await lastEvents(type))[0];
  }

  async function lastAudit(action: string) {
    const [entry] = await app()
      .deps.db.select()
      .from(auditLog)
      .where(eq(auditLog.action, action))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    return entry;
  }

  return { lastEvents, lastEvent, lastAudit };
}
