import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox } from "../../src/server/platform/schema.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { buildProcessFixture, type ProcessFixture } from "../helpers/process-fixtures.ts";

let app: TestApp;
let fx: ProcessFixture;

beforeAll(async () => {
  app = await startTestApp();
  fx = await buildProcessFixture(app);
});
afterAll(async () => {
  await app?.close();
});

describe("a process's standing delegations", () => {
  it("are listed with their accounts for the secretariat and administrators only", async () => {
    const url = `/api/processes/${fx.slug}/delegations`;
    const forSecretariat = await app.request({ method: "GET", url, as: fx.as.secretariat });
    expect(forSecretariat.statusCode).toBe(200);
    const host = forSecretariat
      .json()
      .items.find((item: { participant: { slug: string } }) => item.participant.slug === "kazakhstan");
    expect(host.id).toBe(fx.delegationOf.kazakhstan);
    expect(host.members.length).toBeGreaterThan(0);
    expect((await app.request({ method: "GET", url, as: fx.as.admin })).statusCode).toBe(200);
    for (const role of ["guarantor", "party", "observer", "io", "monitor"] as const) {
      expect((await app.request({ method: "GET", url, as: fx.as[role] })).statusCode, role).toBe(403);
    }
    expect((await app.request({ method: "GET", url })).statusCode).toBe(401);
  });
});

describe("accreditation events", () => {
  it("reach the delegation concerned and the secretariat, scoped to each one's own delegation", async () => {
    const round = await app.request({
      method: "POST",
      url: `/api/processes/${fx.slug}/rounds`,
      as: fx.as.secretariat,
      payload: { number: 40, names: { en: "Astana 40" }, startDate: "2030-05-12", endDate: "2030-05-13" },
    });
    expect(round.statusCode, round.body).toBe(201);
    const invited = await app.request({
      method: "POST",
      url: `/api/rounds/${round.json().id}/delegations`,
      as: fx.as.secretariat,
      payload: { participantId: fx.participants.jordan.id },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const copies = await app.database.db
      .select({ delegationId: outbox.delegationId, tier: outbox.tier })
      .from(outbox)
      .where(and(eq(outbox.type, "core.round-delegation.invite"), eq(outbox.subjectId, invited.json().id)));
    expect(copies).toHaveLength(2);
    expect(new Set(copies.map((copy) => copy.delegationId))).toEqual(
      new Set([fx.delegationOf.jordan, fx.delegationOf.kazakhstan]),
    );
    expect(copies.every((copy) => copy.tier === "delegation")).toBe(true);
  });
});
