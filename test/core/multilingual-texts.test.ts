import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";

let app: TestApp;
let fx: ProcessFixture;
withProcessFixture((started) => ({ app, fx } = started));

const get = (url: string, lang: string) =>
  app.request({ method: "GET", url, headers: { "accept-language": lang } });

describe("the secretariat writes announcements and decisions in several languages", () => {
  it("announces a round in Russian and English; each reader gets theirs, an Arabic reader the original, marked", async () => {
    const rounds = `/api/processes/${fx.slug}/rounds`;
    const planned = await app.request({
      method: "POST",
      url: rounds,
      as: fx.as.secretariat,
      payload: {
        names: { en: "Round 70" },
        number: 70,
        city: "Astana",
        startDate: "2031-05-01",
        endDate: "2031-05-02",
      },
    });
    expect(planned.statusCode, planned.body).toBe(201);
    const { id, version } = planned.json() as { id: string; version: number };
    const announced = await app.request({
      method: "POST",
      url: `/api/rounds/${id}/announce`,
      as: fx.as.secretariat,
      payload: {
        publishedOn: "2031-04-01",
        version,
        text: { original: "ru", ru: "Встреча пройдёт в Астане.", en: "The meeting will be held in Astana." },
      },
    });
    expect(announced.statusCode, announced.body).toBe(200);
    const announcement = async (lang: string) =>
      (
        (await get(`/api/rounds/${id}`, lang)).json() as {
          announcements: { text: string; localized: { text: unknown } }[];
        }
      ).announcements[0];
    const ru = await announcement("ru");
    expect(ru?.text).toBe("Встреча пройдёт в Астане.");
    expect(ru?.localized.text).toEqual({ text: "Встреча пройдёт в Астане.", lang: "ru", fallback: false });
    expect((await announcement("en"))?.localized.text).toEqual({
      text: "The meeting will be held in Astana.",
      lang: "en",
      original: "ru",
      fallback: false,
    });
    expect((await announcement("ar"))?.localized.text).toEqual({
      text: "Встреча пройдёт в Астане.",
      lang: "ru",
      fallback: true,
    });
  });

  it("refuses a multilingual text without its original's version, with a 400 naming the field", async () => {
    const process = (await get(`/api/processes/${fx.slug}`, "en")).json() as { id: string; version: number };
    const refused = await app.request({
      method: "POST",
      url: `/api/processes/${process.id}/suspend`,
      as: fx.as.secretariat,
      payload: { decidedOn: "2031-01-01", decidedBy: "Host", text: { original: "ar", en: "Suspended." } },
    });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().error.code).toBeTruthy();
    expect(refused.body).toContain("original");
  });
});

describe("the next-round decision and role-change statements in several languages", () => {
  type Localized = { text: string; lang: string; fallback: boolean; original?: string };
  type Decision = {
    wording: string;
    city: string | null;
    localized: { wording: Localized; city: Localized | null };
    versions: { wording: Record<string, string>; city: Record<string, string> | null };
  };

  it("keeps every version of the wording and the city, answers each reader in theirs, marks the rest", async () => {
    const planned = await app.request({
      method: "POST",
      url: `/api/processes/${fx.slug}/rounds`,
      as: fx.as.secretariat,
      payload: { names: { en: "Round 71" }, number: 71, startDate: "2031-06-01", endDate: "2031-06-02" },
    });
    expect(planned.statusCode, planned.body).toBe(201);
    const id = planned.json().id as string;
    const decided = await app.request({
      method: "PUT",
      url: `/api/rounds/${id}/next-round`,
      as: fx.as.secretariat,
      payload: {
        wording: {
          original: "ru",
          ru: "в Астане, во второй половине 2031 года",
          en: "in Astana, in the second half of 2031",
        },
        city: { original: "en", en: "Astana", ru: "Астана", ar: "أستانا" },
        windowStart: "2031-07-01",
        windowEnd: "2031-12-31",
      },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    // Planned rounds are the process's: read as its secretariat, in each language.
    const asSecretariat = (url: string, lang: string) =>
      app.request({ method: "GET", url, as: fx.as.secretariat, headers: { "accept-language": lang } });
    const decisionIn = async (lang: string) =>
      ((await asSecretariat(`/api/rounds/${id}`, lang)).json() as { nextRound: Decision }).nextRound;

    const ru = await decisionIn("ru");
    expect(ru.wording).toBe("в Астане, во второй половине 2031 года");
    expect(ru.localized.wording).toMatchObject({ lang: "ru", fallback: false });
    expect(ru.localized.city).toMatchObject({ text: "Астана", lang: "ru", fallback: false });
    const en = await decisionIn("en");
    expect(en.localized.wording).toMatchObject({
      text: "in Astana, in the second half of 2031",
      lang: "en",
      fallback: false,
    });
    const ar = await decisionIn("ar");
    expect(ar.localized.wording).toMatchObject({
      text: "в Астане, во второй половине 2031 года",
      lang: "ru",
      fallback: true,
    });
    expect(ar.localized.city).toMatchObject({ text: "أستانا", lang: "ar", fallback: false });
    // The secretariat's form edits every version kept, so saving again loses none.
    expect(ar.versions.wording).toEqual({
      original: "ru",
      ru: "в Астане, во второй половине 2031 года",
      en: "in Astana, in the second half of 2031",
    });

    // The next round's page sets the decision against what was held, in the reader's language too.
    const next = await app.request({
      method: "POST",
      url: `/api/processes/${fx.slug}/rounds`,
      as: fx.as.secretariat,
      payload: { names: { en: "Round 72" }, number: 72, city: "Sochi", startDate: "2031-08-01" },
    });
    const compared = (await asSecretariat(`/api/rounds/${next.json().id}`, "ar")).json() as {
      announcedVsHeld: { decision: Decision; held: { localized: { city: Localized } } };
    };
    expect(compared.announcedVsHeld.decision.localized.city).toMatchObject({ text: "أستانا", lang: "ar" });
    expect(compared.announcedVsHeld.held.localized.city).toMatchObject({ text: "Sochi", fallback: true });

    // Cleared, the city's versions go with it: nothing in any language.
    const cleared = await app.request({
      method: "PUT",
      url: `/api/rounds/${id}/next-round`,
      as: fx.as.secretariat,
      payload: { wording: "at a mutually convenient time", city: null },
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    const after = await decisionIn("ru");
    expect(after.city).toBeNull();
    expect(after.localized.city).toBeNull();
    expect(after.localized.wording).toMatchObject({ lang: "en", fallback: true });
  });

  it("records a role change's statement in Arabic and English; a Russian reader gets the original, marked", async () => {
    const recorded = await app.request({
      method: "POST",
      url: `/api/processes/${fx.slug}/role-changes`,
      as: fx.as.secretariat,
      payload: {
        participantId: "jordan",
        role: "observer",
        change: "statement",
        occurredOn: "2031-02-01",
        statement: { original: "ar", ar: "أكد الأردن مشاركته.", en: "Jordan confirmed its participation." },
      },
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    type Change = { statement: string; localized: { statement: Localized } };
    const changesIn = async (lang: string) =>
      ((await get(`/api/processes/${fx.slug}`, lang)).json() as { roleChanges: Change[] }).roleChanges;
    const ar = (await changesIn("ar")).find((change) => change.statement === "أكد الأردن مشاركته.");
    expect(ar?.localized.statement).toMatchObject({
      text: "أكد الأردن مشاركته.",
      lang: "ar",
      fallback: false,
    });
    const en = (await changesIn("en")).find((change) => change.statement === "أكد الأردن مشاركته.");
    expect(en?.localized.statement).toMatchObject({
      text: "Jordan confirmed its participation.",
      lang: "en",
    });
    const ru = (await changesIn("ru")).find((change) => change.statement === "أكد الأردن مشاركته.");
    expect(ru?.localized.statement).toMatchObject({ lang: "ar", fallback: true });
    // The participant's page shows the same.
    const participant = (await get("/api/participants/jordan", "en")).json() as { roleChanges: Change[] };
    expect(
      participant.roleChanges.find((change) => change.statement.startsWith("أكد"))?.localized.statement,
    ).toMatchObject({
      text: "Jordan confirmed its participation.",
    });
  });
});
