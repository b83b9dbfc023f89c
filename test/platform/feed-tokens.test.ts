// Feed tokens: a calendar app or feed reader cannot send headers, so a tiered feed is subscribed by an
// address carrying a revocable, read-only token that only feeds accept. Checked through the record's
// Atom and iCalendar feeds, which declare themselves feeds.
import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { apiToken, auditLog } from "../../src/server/platform/schema.ts";
import type { TestApp } from "../helpers/app.ts";
import { readIcsEvents, readXml } from "../helpers/exports.ts";
import { type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";

let app: TestApp;
let fx: ProcessFixture;
let plannedId: string;
const marker = "FEED-TOKEN-PLANNED-MARKER";

withProcessFixture((started) => ({ app, fx } = started));
beforeAll(async () => {
  // A round only planned is the process's (its delegations see it), not the public's.
  const planned = await app.request({
    method: "POST",
    url: `/api/processes/${fx.slug}/rounds`,
    as: fx.as.secretariat,
    payload: {
      number: 5,
      names: { en: `Astana 5 ${marker}` },
      startDate: "2017-07-04",
      endDate: "2017-07-05",
    },
  });
  expect(planned.statusCode, planned.body).toBe(201);
  plannedId = planned.json().id;
});

async function makeToken(
  as: string | undefined,
  access: "read" | "write" | "feed",
  name = `${access} token`,
) {
  const response = await app.request({
    method: "POST",
    url: "/api/me/tokens",
    as,
    payload: { name, access },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; token: string; access: string; lastUsedAt: string | null };
}

const calendarUrl = () => `/api/processes/${fx.slug}/rounds.ics`;
const atomUrl = () => `/api/processes/${fx.slug}/feed.atom`;
const withToken = (url: string, token: string) =>
  `${url}${url.includes("?") ? "&" : "?"}token=${encodeURIComponent(token)}`;
const uids = (body: string) => readIcsEvents(body).map((event) => event.UID);

describe("feed tokens", () => {
  it("show a feed as the token's owner sees it, privately, and the tiered item only with the token", async () => {
    const feed = await makeToken(fx.as.guarantor, "feed", "my calendar");
    expect(feed.access).toBe("feed");
    const audit = await app.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "core.api-token.create"))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    expect(audit[0]).toMatchObject({ outcome: "ok", subjectId: feed.id, data: { access: "feed" } });
    expect(JSON.stringify(audit[0])).not.toContain(feed.token);

    const publicCalendar = await app.request({ method: "GET", url: calendarUrl() });
    expect(publicCalendar.statusCode).toBe(200);
    expect(uids(publicCalendar.body)).not.toContain(`round-${plannedId}@localhost`);

    const tokened = await app.request({ method: "GET", url: withToken(calendarUrl(), feed.token) });
    expect(tokened.statusCode, tokened.body).toBe(200);
    expect(uids(tokened.body)).toContain(`round-${plannedId}@localhost`);
    expect(tokened.headers["cache-control"]).toBe("private, no-store");

    const atom = await app.request({ method: "GET", url: withToken(`${atomUrl()}?lang=ru`, feed.token) });
    expect(atom.statusCode, atom.body).toBe(200);
    expect(atom.headers["cache-control"]).toBe("private, no-store");
    expect(readXml(atom.body).documentElement?.tagName).toBe("feed");

    // The public, after the tokened reader (and twice, so a kept answer would show), still gets the public answer.
    for (let i = 0; i < 2; i += 1) {
      const again = await app.request({ method: "GET", url: calendarUrl() });
      expect(again.body).not.toContain(marker);
    }

    // Its owner sees when it was last used; never its value.
    const listed = await app.request({ method: "GET", url: "/api/me/tokens", as: fx.as.guarantor });
    const row = listed.json().tokens.find((token: { id: string }) => token.id === feed.id);
    expect(row.lastUsedAt).not.toBeNull();
    expect(Date.now() - Date.parse(row.lastUsedAt)).toBeLessThan(60_000);
    expect(listed.body).not.toContain(feed.token);
  });

  it("a revoked feed token gets 401 at once, even for an address it was just answered at", async () => {
    const feed = await makeToken(fx.as.observer, "feed");
    const url = withToken(calendarUrl(), feed.token);
    expect((await app.request({ method: "GET", url })).statusCode).toBe(200);
    expect((await app.request({ method: "GET", url })).statusCode).toBe(200);
    const revoked = await app.request({
      method: "DELETE",
      url: `/api/me/tokens/${feed.id}`,
      as: fx.as.observer,
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const after = await app.request({ method: "GET", url });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe("invalid_token");
    expect(after.body).not.toContain(marker);
    const [stored] = await app.deps.db.select().from(apiToken).where(eq(apiToken.id, feed.id));
    expect(stored?.revokedAt).not.toBeNull();
  });

  it("a feed token is refused (401) on every route that is not a feed, in the address or as a header", async () => {
    const feed = await makeToken(fx.as.guarantor, "feed");
    for (const url of [
      `/api/processes/${fx.slug}/export/rounds.csv`,
      `/api/processes/${fx.slug}`,
      `/api/rounds/${plannedId}`,
      "/api/me",
      "/api/me/tokens",
    ]) {
      const inAddress = await app.request({ method: "GET", url: withToken(url, feed.token) });
      expect(inAddress.statusCode, url).toBe(401);
      expect(inAddress.json().error.code).toBe("invalid_token");
      expect(inAddress.body).not.toContain(marker);
      const asHeader = await app.request({
        method: "GET",
        url,
        headers: { authorization: `Bearer ${feed.token}` },
      });
      expect(asHeader.statusCode, url).toBe(401);
    }
    // Not a way to write either, nor to reach a feed by its header.
    const write = await app.request({
      method: "POST",
      url: withToken(`/api/processes/${fx.slug}/rounds`, feed.token),
      payload: { number: 77 },
    });
    expect(write.statusCode).toBe(401);
    const headerOnFeed = await app.request({
      method: "GET",
      url: calendarUrl(),
      headers: { authorization: `Bearer ${feed.token}` },
    });
    expect(headerOnFeed.statusCode).toBe(401);
  });

  it("only feed tokens go in an address: a read or write token there is refused, unknown values too", async () => {
    const read = await makeToken(fx.as.guarantor, "read");
    const refused = await app.request({ method: "GET", url: withToken(calendarUrl(), read.token) });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.message).toMatch(/feed token/);
    const unknown = await app.request({
      method: "GET",
      url: withToken(calendarUrl(), "astana_not-a-real-token"),
    });
    expect(unknown.statusCode).toBe(401);
    // The same read token still works as a header, where it belongs.
    const asHeader = await app.request({
      method: "GET",
      url: calendarUrl(),
      headers: { authorization: `Bearer ${read.token}` },
    });
    expect(asHeader.statusCode).toBe(200);
    expect(uids(asHeader.body)).toContain(`round-${plannedId}@localhost`);
  });

  it("the API description names the feed token as a way in for the feeds, and for no other route", async () => {
    const openapi = (await app.request({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, { security?: Record<string, unknown>[] }>>;
      components: { securitySchemes: Record<string, { in?: string; name?: string }> };
    };
    expect(openapi.components.securitySchemes.feedToken).toMatchObject({ in: "query", name: "token" });
    const feeds = Object.entries(openapi.paths)
      .filter(([, methods]) =>
        Object.values(methods).some((operation) => operation.security?.some((entry) => "feedToken" in entry)),
      )
      .map(([path]) => path)
      .sort();
    expect(feeds).toEqual(["/api/processes/{id}/feed.atom", "/api/processes/{id}/rounds.ics"]);
  });
});
