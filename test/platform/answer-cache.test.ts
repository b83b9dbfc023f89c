import { brotliDecompressSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";

let app: TestApp;
let fx: ProcessFixture;
withProcessFixture((started) => ({ app, fx } = started));

const get = (url: string, headers: Record<string, string> = {}, as?: string) =>
  app.request({ method: "GET", url, headers, ...(as ? { as } : {}) });

describe("answers kept in memory (platform/answer-cache.ts)", () => {
  it("serves the public the same answer again with its ETag, and 304 when the client holds it", async () => {
    const url = `/api/processes/${fx.slug}`;
    const first = await get(url);
    expect(first.statusCode).toBe(200);
    expect(first.headers["cache-control"]).toBe("public, max-age=0, s-maxage=1, must-revalidate");
    expect(String(first.headers.vary)).toContain("Cookie");
    const second = await get(url);
    expect(second.body).toBe(first.body);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers["content-security-policy"]).toBe(first.headers["content-security-policy"]);
    expect(second.headers["x-request-id"]).not.toBe(first.headers["x-request-id"]);
    const unchanged = await get(url, { "if-none-match": String(second.headers.etag) });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe("");
  });

  it("compresses a kept answer for a client that takes Brotli, to the same content", async () => {
    const url = "/api/openapi.json";
    const plain = await get(url);
    expect(plain.body.length).toBeGreaterThan(1024);
    await get(url, { "accept-encoding": "br" });
    const compressed = await get(url, { "accept-encoding": "br" });
    expect(compressed.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(compressed.rawPayload).toString()).toBe(plain.body);
  });

  it("shows a committed change at once, to the public and to the secretariat", async () => {
    const rounds = `/api/processes/${fx.slug}/rounds`;
    const before = (await get(rounds)).json() as { items: { number: number }[] };
    await get(rounds, {}, fx.as.secretariat);
    const planned = await app.request({
      method: "POST",
      url: rounds,
      as: fx.as.secretariat,
      payload: { names: { en: "Round 90" }, number: 90, startDate: "2031-03-01", endDate: "2031-03-02" },
    });
    expect(planned.statusCode, planned.body).toBe(201);
    const secretariatView = (await get(rounds, {}, fx.as.secretariat)).json() as {
      items: { number: number }[];
    };
    expect(secretariatView.items.map((round) => round.number)).toContain(90);
    // Planned rounds are the process's business: the public's answer changes only when it is announced.
    const publicView = (await get(rounds)).json() as { items: { number: number }[] };
    expect(publicView.items.map((round) => round.number)).not.toContain(90);
    expect(publicView.items).toHaveLength(before.items.length);
    const { id, version } = planned.json() as { id: string; version: number };
    const announced = await app.request({
      method: "POST",
      url: `/api/rounds/${id}/announce`,
      as: fx.as.secretariat,
      payload: { publishedOn: "2031-01-10", text: "The ninetieth round will meet in March.", version },
    });
    expect(announced.statusCode, announced.body).toBe(200);
    const afterAnnouncement = (await get(rounds)).json() as { items: { number: number }[] };
    expect(afterAnnouncement.items.map((round) => round.number)).toContain(90);
  });

  it("never serves one caller's answer to another: each signed-in answer is private to its credentials", async () => {
    const rounds = `/api/processes/${fx.slug}/rounds`;
    await app.request({
      method: "POST",
      url: rounds,
      as: fx.as.secretariat,
      payload: { names: { en: "Round 91" }, number: 91 },
    });
    const secretariat = await get(rounds, {}, fx.as.secretariat);
    expect(secretariat.headers["cache-control"]).toBe("private, no-store");
    expect(secretariat.body).toContain('"number":91');
    for (const as of [undefined, fx.as.observer]) {
      const other = await get(rounds, {}, as);
      expect(other.statusCode).toBe(200);
      if (as === undefined) expect(other.body).not.toContain('"number":91');
      expect(other.headers.etag).not.toBe(secretariat.headers.etag);
    }
    const again = await get(rounds, {}, fx.as.secretariat);
    expect(again.body).toBe(secretariat.body);
  });

  it("never keeps readiness or the live stream", async () => {
    const ready = await get("/api/ready");
    expect(ready.headers.etag).toBeUndefined();
    expect((await get("/api/ready")).headers.etag).toBeUndefined();
  });
});
