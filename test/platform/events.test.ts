import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, startModules } from "../../src/server/app.ts";
import * as coreSchema from "../../src/server/modules/core/schema.ts";
import { systemActor } from "../../src/server/platform/authz.ts";
import { writeEvent } from "../../src/server/platform/events.ts";
import { runOperation } from "../../src/server/platform/operation.ts";
import { nextRemoteAddress, startTestApp, type TestApp, testConfig } from "../helpers/app.ts";
import { freshDatabase, testDatabaseKind } from "../helpers/database.ts";
import { buildFixtures, fixturePassword as password } from "../helpers/fixtures.ts";
import { touchRecord } from "./audit-fixtures.ts";

type Message = { id?: string; event?: string; data?: string; comments: string[] };

type Stream = {
  status: number;
  headers: Headers;
  messages: Message[];
  /** Resolves with the first message (already received or still to come) that matches. */
  waitFor(match: (message: Message) => boolean, timeoutMs?: number): Promise<Message>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
};

/** Opens GET /api/events like a browser's EventSource would, and parses what arrives. */
async function openStream(
  baseUrl: string,
  headers: Record<string, string> = {},
  query = "",
): Promise<Stream> {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/events${query}`, { headers, signal: controller.signal });
  const messages: Message[] = [];
  const waiters = new Set<() => void>();
  const reader = response.body?.getReader();
  if (!reader) throw new Error("no body");
  const decoder = new TextDecoder();
  const ended = (async () => {
    let buffer = "";
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let boundary = buffer.indexOf("\n\n");
        while (boundary >= 0) {
          const block = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          const message: Message = { comments: [] };
          for (const line of block.split("\n")) {
            if (line.startsWith(":")) message.comments.push(line.slice(1).trim());
            else {
              const colon = line.indexOf(":");
              const field = line.slice(0, colon);
              const value = line.slice(colon + 1).replace(/^ /, "");
              if (field === "id" || field === "event" || field === "data") message[field] = value;
            }
          }
          messages.push(message);
          for (const wake of waiters) wake();
          boundary = buffer.indexOf("\n\n");
        }
      }
    } catch {
      // aborted by the test
    }
  })();
  const waitFor: Stream["waitFor"] = (match, timeoutMs = 5000) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const found = messages.find(match);
        if (found) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no matching message; got ${JSON.stringify(messages)}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  await waitFor((message) => message.comments.includes("connected"));
  return {
    status: response.status,
    headers: response.headers,
    messages,
    waitFor,
    ended,
    close: () => controller.abort(),
  };
}

const withNote = (note: string) => (message: Message) =>
  message.data !== undefined && JSON.parse(message.data).payload?.note === note;
const notesOf = (stream: Stream) =>
  stream.messages
    .filter((message) => message.data)
    .map((message) => JSON.parse(message.data ?? "{}").payload.note);

describe(`live updates over Server-Sent Events (${testDatabaseKind})`, () => {
  let app: TestApp;
  const world = { processId: "process-p1", otherProcessId: "process-p2" };
  let baseUrl: string;
  const cookies: Record<string, string> = {};
  const system = systemActor("test");

  const touch = (input: Record<string, unknown>) =>
    runOperation({ db: app.deps.db }, touchRecord, system, { processId: world.processId, ...input });

  beforeAll(async () => {
    app = await startTestApp();
    const fixtures = await buildFixtures(app.deps.db, 2);
    world.processId = fixtures.processes[0]?.id ?? "";
    world.otherProcessId = fixtures.processes[1]?.id ?? "";
    cookies.guarantor = await app.signIn("guarantor@p1.example.org", password);
    cookies.observer = await app.signIn("observer@p1.example.org", password);
    await app.app.listen({ port: 0, host: "127.0.0.1" });
    baseUrl = `http://127.0.0.1:${(app.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app?.close();
  });

  it("delivers an event committed by an operation, as id, event and JSON data", async () => {
    const stream = await openStream(baseUrl, { cookie: cookies.guarantor ?? "" });
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
      expect(stream.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      await touch({ tier: "process", note: "round announced", eventType: "core.round.announce" });
      const message = await stream.waitFor(withNote("round announced"));
      expect(message.event).toBe("core.round.announce");
      const data = JSON.parse(message.data ?? "");
      expect(data).toEqual({
        id: Number(message.id),
        type: "core.round.announce",
        at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        processId: world.processId,
        subjectType: "record",
        subjectId: "r1",
        payload: { note: "round announced" },
      });
    } finally {
      stream.close();
    }
  });

  it("never delivers the event of a change that was rolled back", async () => {
    const stream = await openStream(baseUrl, { cookie: cookies.guarantor ?? "" });
    try {
      await expect(touch({ tier: "process", note: "failed operation", fail: true })).rejects.toThrow();
      await app.deps.db
        .transaction(async (tx) => {
          await writeEvent(tx as never, {
            type: "test.raw",
            tier: "public",
            payload: { note: "rolled back" },
          });
          throw new Error("roll back after the NOTIFY was queued");
        })
        .catch(() => {});
      await touch({ tier: "process", note: "marker after rollback" });
      await stream.waitFor(withNote("marker after rollback"));
      expect(notesOf(stream)).toEqual(["marker after rollback"]);
    } finally {
      stream.close();
    }
  });

  it("sends a guarantors-tier event to a guarantor but not to an observer or the public", async () => {
    const guarantor = await openStream(baseUrl, { cookie: cookies.guarantor ?? "" });
    const observer = await openStream(baseUrl, { cookie: cookies.observer ?? "" });
    const anonymous = await openStream(baseUrl);
    try {
      await touch({ tier: "guarantors", note: "draft joint statement" });
      await touch({ tier: "process", note: "for the process" });
      await touch({ tier: "public", note: "press release" });
      await guarantor.waitFor(withNote("press release"));
      await observer.waitFor(withNote("press release"));
      await anonymous.waitFor(withNote("press release"));
      expect(notesOf(guarantor)).toEqual(["draft joint statement", "for the process", "press release"]);
      expect(notesOf(observer)).toEqual(["for the process", "press release"]);
      expect(notesOf(anonymous)).toEqual(["press release"]);
    } finally {
      for (const stream of [guarantor, observer, anonymous]) stream.close();
    }
  });

  it("replays missed events visible to the actor after Last-Event-ID, then continues live", async () => {
    const first = await openStream(baseUrl, { cookie: cookies.observer ?? "" });
    await touch({ tier: "process", note: "seen before leaving" });
    const seen = await first.waitFor(withNote("seen before leaving"));
    first.close();

    await touch({ tier: "process", note: "missed 1" });
    await touch({ tier: "guarantors", note: "missed but not for observers" });
    await touch({ tier: "process", processId: world.otherProcessId, note: "another process" });
    await touch({ tier: "public", note: "missed 2" });

    const resumed = await openStream(baseUrl, {
      cookie: cookies.observer ?? "",
      "last-event-id": seen.id ?? "",
    });
    try {
      await resumed.waitFor(withNote("missed 2"));
      await touch({ tier: "process", note: "live after resume" });
      await resumed.waitFor(withNote("live after resume"));
      expect(notesOf(resumed)).toEqual(["missed 1", "missed 2", "live after resume"]);
      const ids = resumed.messages.filter((message) => message.id).map((message) => Number(message.id));
      expect(ids.every((id) => id > Number(seen.id))).toBe(true);
    } finally {
      resumed.close();
    }

    const byQuery = await openStream(baseUrl, { cookie: cookies.observer ?? "" }, `?lastEventId=${seen.id}`);
    try {
      await byQuery.waitFor(withNote("live after resume"));
      expect(notesOf(byQuery)).toEqual(["missed 1", "missed 2", "live after resume"]);
    } finally {
      byQuery.close();
    }
  });

  it("tells a client that missed more than 500 events to reload instead of replaying them", async () => {
    const first = await openStream(baseUrl);
    await touch({ tier: "public", note: "before the flood" });
    const seen = await first.waitFor(withNote("before the flood"));
    first.close();
    await app.deps.db.transaction(async (tx) => {
      for (let index = 0; index < 501; index += 1) {
        await writeEvent(tx as never, {
          type: "test.flood",
          tier: "public",
          payload: { note: `flood ${index}` },
        });
      }
    });
    const resumed = await openStream(baseUrl, { "last-event-id": seen.id ?? "" });
    try {
      const resync = await resumed.waitFor((message) => message.event === "resync");
      expect(resync.data).toBe("{}");
      await touch({ tier: "public", note: "after the flood" });
      const after = await resumed.waitFor(withNote("after the flood"));
      expect(resumed.messages.indexOf(resync)).toBeLessThan(resumed.messages.indexOf(after));
    } finally {
      resumed.close();
    }
  });

  it("unsubscribes a stream when its client disconnects", async () => {
    await expect.poll(() => app.deps.events.size).toBe(0);
    const stream = await openStream(baseUrl);
    expect(app.deps.events.size).toBe(1);
    stream.close();
    await expect.poll(() => app.deps.events.size).toBe(0);
  });
});

describe("closing the server with streams open", () => {
  it("ends the streams and closes promptly", async () => {
    const app = await startTestApp();
    await app.app.listen({ port: 0, host: "127.0.0.1" });
    const stream = await openStream(`http://127.0.0.1:${(app.app.server.address() as AddressInfo).port}`);
    const started = Date.now();
    await app.close();
    await stream.ended;
    expect(Date.now() - started).toBeLessThan(5000);
    expect(app.deps.events.size).toBe(0);
  });
});

describe("keep-alive", () => {
  it("sends keep-alive comments and re-checks the actor, so a role lost mid-stream stops its events", async () => {
    const database = await freshDatabase();
    const config = testConfig();
    const built = await buildApp({ config, database, logger: false, liveKeepAliveMs: 150 });
    await startModules(built.deps);
    await built.app.listen({ port: 0, host: "127.0.0.1" });
    let stream: Stream | undefined;
    try {
      const fixtures = await buildFixtures(database.db, 1);
      const p1 = fixtures.processes[0];
      if (!p1) throw new Error("no process fixture");
      const signIn = await built.app.inject({
        method: "POST",
        url: "/api/auth/sign-in/email",
        payload: { email: "guarantor@p1.example.org", password },
        remoteAddress: nextRemoteAddress(),
      });
      const cookie = signIn.cookies.map((item) => `${item.name}=${item.value}`).join("; ");
      stream = await openStream(`http://127.0.0.1:${(built.app.server.address() as AddressInfo).port}`, {
        cookie,
      });
      const touch = (input: Record<string, unknown>) =>
        runOperation({ db: database.db }, touchRecord, systemActor("test"), {
          processId: p1.id,
          ...input,
        });
      await touch({ tier: "guarantors", note: "while a guarantor" });
      await stream.waitFor(withNote("while a guarantor"));

      await database.db
        .delete(coreSchema.delegationMemberships)
        .where(eq(coreSchema.delegationMemberships.accountId, p1.accounts.guarantor.id));
      const keepAlives = () =>
        stream?.messages.filter((message) => message.comments.includes("keep-alive")).length ?? 0;
      const seen = keepAlives();
      await expect.poll(keepAlives, { timeout: 3000 }).toBeGreaterThanOrEqual(seen + 2);

      await touch({ tier: "guarantors", note: "after leaving the delegation" });
      await touch({ tier: "public", note: "public marker" });
      await stream.waitFor(withNote("public marker"));
      expect(notesOf(stream)).toEqual(["while a guarantor", "public marker"]);
    } finally {
      stream?.close();
      await built.app.close();
      await database.close();
    }
  });
});
