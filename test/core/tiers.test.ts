import { beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";

let app: TestApp;
let fx: ProcessFixture;
let plannedId: string;
let publicId: string;

withProcessFixture((started) => ({ app, fx } = started));
beforeAll(async () => {
  const send = async (method: "POST" | "PUT", url: string, payload: Record<string, unknown>) => {
    const response = await app.request({ method, url, payload, as: fx.as.secretariat });
    if (response.statusCode >= 300) throw new Error(`${url}: ${response.body}`);
    return response.json();
  };
  publicId = (
    await send("POST", `/api/processes/${fx.slug}/rounds`, {
      names: { en: "Round 1" },
      number: 1,
      startDate: "2017-01-23",
      endDate: "2017-01-24",
    })
  ).id;
  await send("POST", `/api/rounds/${publicId}/announce`, {
    publishedOn: "2017-01-10",
    text: "Astana, 23-24 January.",
  });
  plannedId = (
    await send("POST", `/api/processes/${fx.slug}/rounds`, {
      names: { en: "Round 2" },
      number: 2,
      startDate: "2017-02-15",
      endDate: "2017-02-16",
    })
  ).id;
  await send("PUT", `/api/rounds/${plannedId}/participations`, {
    participantId: "russia",
    role: "guarantor",
    attendance: "attended",
  });
  await send("POST", `/api/rounds/${plannedId}/delegations`, { participantId: "russia" });
});

describe("what each reader sees of a planned round", () => {
  it("hides every read about a planned round from the public (404, like a missing one)", async () => {
    for (const url of [
      `/api/rounds/${plannedId}`,
      `/api/rounds/${plannedId}/delegations`,
      `/api/rounds/${plannedId}/participants-list`,
      `/api/rounds/${plannedId}/participants-list.html`,
    ]) {
      const response = await app.request({ method: "GET", url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code).toBe("not_found");
    }
    const missing = await app.request({ method: "GET", url: "/api/rounds/no-such-round" });
    expect(missing.json().error.message.replace("no-such-round", plannedId)).toBe(
      (await app.request({ method: "GET", url: `/api/rounds/${plannedId}` })).json().error.message,
    );
    const rounds = (await app.request({ method: "GET", url: `/api/processes/${fx.slug}/rounds` })).json();
    expect(rounds.items.map((round: { number: number }) => round.number)).toEqual([1]);
    const russia = (await app.request({ method: "GET", url: "/api/participants/russia" })).json();
    expect(russia.rounds).toEqual([]);
  });

  it("shows it to the secretariat and to the process's delegations, with the attendance recorded", async () => {
    for (const who of [fx.as.secretariat, fx.as.guarantor, fx.as.party, fx.as.io]) {
      const rounds = (
        await app.request({ method: "GET", url: `/api/processes/${fx.slug}/rounds`, as: who })
      ).json();
      expect(rounds.items.map((round: { number: number }) => round.number)).toEqual([1, 2]);
    }
    const russia = (
      await app.request({ method: "GET", url: "/api/participants/russia", as: fx.as.observer })
    ).json();
    expect(russia.rounds).toEqual([expect.objectContaining({ roundNumber: 2, attendance: "attended" })]);
  });

  it("shows an administrator without a role in the process only what the public sees", async () => {
    expect(
      (await app.request({ method: "GET", url: `/api/rounds/${plannedId}`, as: fx.as.admin })).statusCode,
    ).toBe(404);
    expect(
      (await app.request({ method: "GET", url: `/api/rounds/${publicId}`, as: fx.as.admin })).statusCode,
    ).toBe(200);
  });
});

describe("the API document", () => {
  it("lists every read and write of the process record", async () => {
    const document = (await app.request({ method: "GET", url: "/api/openapi.json" })).json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        "/api/processes",
        "/api/processes/{id}",
        "/api/processes/{id}/rounds",
        "/api/processes/{id}/meetings",
        "/api/processes/{id}/suspend",
        "/api/processes/{id}/roles",
        "/api/processes/{id}/role-changes",
        "/api/rounds/{id}",
        "/api/rounds/{id}/announce",
        "/api/rounds/{id}/postpone",
        "/api/rounds/{id}/cancel",
        "/api/rounds/{id}/next-round",
        "/api/rounds/{id}/delegations",
        "/api/rounds/{id}/delegations/{participant}/members",
        "/api/rounds/{id}/participants-list",
        "/api/rounds/{id}/participants-list.html",
        "/api/round-delegations/{id}",
        "/api/round-delegations/{id}/accredit",
        "/api/participants",
        "/api/participants/{id}",
        "/api/meetings/{id}",
      ]),
    );
    expect(document.paths["/api/rounds/{id}"].patch.summary).toContain("core.round.update");
  });
});
