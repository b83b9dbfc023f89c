// A change to the programme reaches everyone viewing it live, each by its tier: the scheduler's progress
// and a provisional change the secretariat only; the publication everyone; a published bilateral's move
// its two delegations and the secretariat, never an observer or the public.
import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { readEventStream, viewerHeaders } from "../helpers/event-stream.ts";
import { type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";
import { at, buildRound23, programmeApi, twoDays, waitForJob } from "./helpers.ts";

let app: TestApp;
let fx: ProcessFixture;
withProcessFixture((started) => ({ app, fx } = started));
const { ok } = programmeApi(() => app);

/** A viewer of the event stream, signed in by its cookie or the public. */
function listen(baseUrl: string, cookie: string | undefined) {
  return readEventStream(`${baseUrl}/api/events`, viewerHeaders(cookie));
}

const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

describe("live programme", () => {
  it("tells each viewer what its tier may see, as it happens", async () => {
    const round = await buildRound23(app, fx);
    const base = `/rounds/${round.roundId}/programme`;
    await ok(fx.as.secretariat, "PUT", `${base}/settings`, twoDays);
    await ok(fx.as.secretariat, "POST", `${base}/rooms`, { name: "Room 1", capacity: 12 });
    const request = await ok(fx.as.guarantor, "POST", `${base}/requests`, {
      inviteeIds: [round.ids["syrian-government"]],
      durationMinutes: 60,
    });
    await ok(fx.as.party, "POST", `/programme/requests/${request.id}/answer`, { answer: "accepted" });
    await app.app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.app.server.address();
    if (!address || typeof address === "string") throw new Error("no port");
    const baseUrl = `http://127.0.0.1:${address.port}`;
    const streams = {
      secretariat: await listen(baseUrl, fx.as.secretariat),
      guarantor: await listen(baseUrl, fx.as.guarantor),
      party: await listen(baseUrl, fx.as.party),
      observer: await listen(baseUrl, fx.as.observer),
      public: await listen(baseUrl, undefined),
    };
    await settle(200);

    const run = await ok(fx.as.secretariat, "POST", `${base}/schedule`, { budgetSeconds: 0.5 });
    await waitForJob(app, fx.as.secretariat, run.jobId);
    await settle();
    expect(streams.secretariat.text()).toContain("event: platform.job.finish");
    expect(streams.secretariat.text()).toContain("event: programme.schedule.apply");
    for (const who of ["guarantor", "party", "observer", "public"] as const) {
      expect(streams[who].text(), who).not.toContain(run.jobId);
      expect(streams[who].text(), who).not.toContain("programme.schedule.apply");
    }

    await ok(fx.as.secretariat, "POST", `${base}/publish`, {});
    await settle();
    for (const stream of Object.values(streams))
      expect(stream.text()).toContain("event: programme.programme.publish");

    const { sessions } = await ok(fx.as.secretariat, "GET", base);
    const meeting = sessions.find((s: { requestId: string | null }) => s.requestId === request.id);
    await ok(fx.as.secretariat, "PATCH", `/programme/sessions/${meeting.id}`, { startsAt: at(1, "16:00") });
    await settle();
    for (const who of ["secretariat", "guarantor", "party"] as const)
      expect(streams[who].text(), who).toContain(meeting.id);
    for (const who of ["observer", "public"] as const)
      expect(streams[who].text(), who).not.toContain(meeting.id);
    for (const stream of Object.values(streams)) stream.close();
  });
});
