// A committed change to a draft reaches its readers live (the guarantors, the secretariat) within a
// second, and never a party or the public.
import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { readEventStream, viewerHeaders } from "../helpers/event-stream.ts";
import { type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";
import { buildTextsCast, earlierStatement } from "./helpers.ts";

let app: TestApp;
let fx: ProcessFixture;
withProcessFixture((started) => ({ app, fx } = started));

/** A viewer of the event stream, signed in by its cookie or the public. */
function listen(baseUrl: string, cookie: string | undefined) {
  return readEventStream(`${baseUrl}/api/events`, viewerHeaders(cookie));
}

describe("live negotiation", () => {
  it("delivers a proposal to the draft's readers within a second, and to nobody else", async () => {
    const cast = await buildTextsCast(app, fx);
    await app.app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.app.server.address();
    if (!address || typeof address === "string") throw new Error("no port");
    const baseUrl = `http://127.0.0.1:${address.port}`;
    const created = await app.request({
      method: "POST",
      url: `/api/rounds/${cast.roundId}/texts`,
      as: cast.as.secretariat,
      payload: { kind: "joint_statement", title: "Live", plainText: earlierStatement },
    });
    const id = created.json().id;
    const streams = {
      turkiye: await listen(baseUrl, cast.turkiye),
      secretariat: await listen(baseUrl, cast.as.secretariat),
      party: await listen(baseUrl, cast.as.party),
      observer: await listen(baseUrl, cast.as.observer),
      public: await listen(baseUrl, undefined),
    };
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = performance.now();
    const proposed = await app.request({
      method: "POST",
      url: `/api/texts/${id}/proposals`,
      as: cast.russia,
      payload: { baseVersion: 1, kind: "insert", text: "Welcomed the exchange of detainees." },
    });
    expect(proposed.statusCode, proposed.body).toBe(200);
    while (
      performance.now() - started < 1000 &&
      !(
        streams.turkiye.text().includes("texts.proposal.submit") &&
        streams.secretariat.text().includes("texts.proposal.submit")
      )
    )
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(streams.turkiye.text()).toContain("event: texts.proposal.submit");
    expect(streams.secretariat.text()).toContain("event: texts.proposal.submit");
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const who of ["party", "observer", "public"] as const) {
      expect(streams[who].text(), who).not.toContain("texts.");
      expect(streams[who].text(), who).not.toContain(id);
    }
    for (const stream of Object.values(streams)) stream.close();
  });
});
