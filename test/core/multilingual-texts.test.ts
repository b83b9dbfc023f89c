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
