import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localize, negotiateLanguage, versionsOfInput } from "../../src/contracts/languages.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";

describe("localize: the version a reader sees", () => {
  const versions = { en: "Astana", ru: "Астана" };
  it("gives the reader's own version, not marked", () => {
    expect(localize(versions, "en", "ru")).toEqual({
      text: "Астана",
      lang: "ru",
      original: "en",
      fallback: false,
    });
    expect(localize(versions, "en", "en")).toEqual({ text: "Astana", lang: "en", fallback: false });
  });
  it("falls back to the original, marked as a fallback in the language it is in", () => {
    expect(localize(versions, "en", "ar")).toEqual({ text: "Astana", lang: "en", fallback: true });
    expect(localize({ ru: "Текст" }, "ru", "en")).toEqual({ text: "Текст", lang: "ru", fallback: true });
  });
  it("reads Accept-Language with weights and regional tags, English when none is ours", () => {
    expect(negotiateLanguage("ru-RU,ru;q=0.9,en;q=0.8")).toBe("ru");
    expect(negotiateLanguage("fr, ar;q=0.5, en;q=0.4")).toBe("ar");
    expect(negotiateLanguage("de")).toBe("en");
    expect(negotiateLanguage(undefined)).toBe("en");
    expect(negotiateLanguage("ru;q=0, ar")).toBe("ar");
  });
  it("takes a text input as one English string or as versions with their original", () => {
    expect(versionsOfInput("Hello")).toEqual({ text: "Hello", original: "en", versions: { en: "Hello" } });
    expect(versionsOfInput({ original: "ru", ru: "Привет", ar: "مرحبا" })).toEqual({
      text: "Привет",
      original: "ru",
      versions: { ru: "Привет", ar: "مرحبا" },
    });
  });
});

describe("the record in the reader's language (demonstration record)", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ DEMO: "on" });
  });
  afterAll(async () => {
    await app?.close();
  });
  const get = async (url: string, lang?: string) => {
    const response = await app.request({
      method: "GET",
      url,
      headers: lang ? { "accept-language": lang } : {},
    });
    expect(response.statusCode, response.body).toBe(200);
    return response;
  };
  const round = async (number: number, lang?: string) => {
    const rounds = (await get("/api/processes/astana/rounds", lang)).json();
    const found = rounds.items.find((item: { number: number }) => item.number === number);
    return { list: found, detail: (await get(`/api/rounds/${found.id}`, lang)).json() };
  };

  it("finds a round by the Russian and Arabic names of its city, which only the record's translations hold", async () => {
    const { list } = await round(13);
    for (const [q, lang, city] of [
      ["Нур-Султан", "ru", "Нур-Султан"],
      ["نور سلطان", "ar", "نور سلطان"],
    ] as const) {
      const found = (
        await get(`/api/search?${new URLSearchParams({ q, lang, kind: "round" })}`, lang)
      ).json();
      const hits = found.groups.find((group: { kind: string }) => group.kind === "round")?.hits ?? [];
      const hit = hits.find((item: { subjectId: string }) => item.subjectId === list.id);
      expect(
        hit,
        `${q}: ${JSON.stringify(hits.map((item: { subjectId: string }) => item.subjectId))}`,
      ).toBeDefined();
      expect(JSON.stringify(hit.passages)).toContain(city);
    }
    const milestones = (
      await get(
        `/api/search?${new URLSearchParams({ q: "سقوط حكومة الاسد", lang: "ar", kind: "milestone" })}`,
        "ar",
      )
    ).json();
    const titles = milestones.groups.flatMap((group: { hits: { title: { text: string } }[] }) =>
      group.hits.map((hit) => hit.title.text),
    );
    expect(titles).toContain("سقوط حكومة الأسد");
  });

  it("gives a Russian reader the city of round 1 as «Астана», and an Arabic reader «أستانا»", async () => {
    const ru = await round(1, "ru");
    expect(ru.detail.localized.city).toEqual({ text: "Астана", lang: "ru", original: "en", fallback: false });
    expect(ru.list.localized.city.text).toBe("Астана");
    expect(ru.detail.city).toBe("Astana");
    expect((await round(1, "ar")).detail.localized.city.text).toBe("أستانا");
    expect((await round(13, "ru")).detail.localized.city.text).toBe("Нур-Султан");
    expect((await round(13, "ar")).detail.localized.city.text).toBe("نور سلطان");
    expect((await round(1, "en")).detail.localized.city).toEqual({
      text: "Astana",
      lang: "en",
      fallback: false,
    });
  });

  it("names participants and heads of delegation in the reader's language", async () => {
    const { detail } = await round(1, "ru");
    const guarantors = detail.participants.guarantor.map(
      (entry: { localized: { name: { text: string } } }) => entry.localized.name.text,
    );
    expect(guarantors).toEqual(expect.arrayContaining(["Россия", "Иран", "Турция"]));
    const heads = detail.delegations.flatMap(
      (delegation: { members: { localized: { name: { text: string } } }[] }) =>
        delegation.members.map((member) => member.localized.name.text),
    );
    expect(heads).toContain("Александр Лаврентьев");
  });

  it("shows a fact with no Arabic version in English, marked as a fallback", async () => {
    const { list } = await round(1, "ar");
    const record = (await get(`/api/record/round/${list.id}`, "ar")).json();
    const outcome = record.facts.find((fact: { kind: string }) => fact.kind === "outcome");
    expect(outcome.localized.text).toEqual({ text: outcome.text, lang: "en", fallback: true });
    const timeline = (await get("/api/processes/astana/timeline", "ar")).json();
    const fall = timeline.items.find(
      (item: { label: string }) => item.label === "Fall of the Assad government",
    );
    expect(fall.localized.label).toEqual({
      text: "سقوط حكومة الأسد",
      lang: "ar",
      original: "en",
      fallback: false,
    });
  });

  it("gives the rounds' decisions on the next one, key outcomes and the US role lines in Russian and Arabic, where translated", async () => {
    const r21 = await round(21, "ru");
    expect(r21.detail.nextRound.localized.wording).toEqual({
      text: "22-я встреча — в Астане во второй половине 2024 года",
      lang: "ru",
      original: "en",
      fallback: false,
    });
    const r22 = await round(22, "ar");
    expect(r22.detail.announcedVsHeld.decision.localized.wording).toMatchObject({
      lang: "ar",
      fallback: false,
    });
    expect(r22.detail.announcedVsHeld.held.localized.city.text).toBe("أستانا");
    const record = (await get(`/api/record/round/${r22.list.id}`, "ar")).json();
    const outcomes = record.facts.filter((fact: { kind: string }) => fact.kind === "outcome");
    const translated = outcomes.filter(
      (fact: { localized: { text: { fallback: boolean } } }) => !fact.localized.text.fallback,
    );
    expect(translated.length).toBeGreaterThanOrEqual(2);
    for (const fact of translated) expect(fact.localized.text.text).toMatch(/[\u0600-\u06ff]/);
    // Every fact still untranslated says so; none is passed off as Arabic.
    for (const fact of outcomes) expect(fact.localized.text.fallback).toBe(fact.localized.text.lang !== "ar");
    // Search finds the round by its decision's Russian wording, which only the translation holds.
    const searched = (
      await get(
        `/api/search?${new URLSearchParams({ q: "пандемии COVID-19", lang: "ru", kind: "round" })}`,
        "ru",
      )
    ).json();
    const r14 = await round(14);
    const roundHits = searched.groups.find((group: { kind: string }) => group.kind === "round")?.hits ?? [];
    expect(roundHits.map((hit: { subjectId: string }) => hit.subjectId)).toContain(r14.list.id);
    const us = (await get("/api/participants/united-states", "ru")).json();
    const satterfield = us.roleChanges.find((change: { statement: string | null }) =>
      change.statement?.startsWith("Satterfield arrived"),
    );
    expect(satterfield.localized.statement).toMatchObject({
      text: "Саттерфилд прибыл в качестве наблюдателя от США",
      lang: "ru",
      fallback: false,
    });
  });

  it("keeps one answer per language in the cache: the ru answer is never served to an ar reader", async () => {
    const { list } = await round(1);
    const url = `/api/rounds/${list.id}`;
    const ru1 = await get(url, "ru");
    const ru2 = await get(url, "ru-RU,ru;q=0.9");
    expect(ru2.headers.etag).toBe(ru1.headers.etag);
    expect(ru1.headers["content-language"]).toBe("ru");
    expect(String(ru1.headers.vary)).toMatch(/Accept-Language/);
    const ar = await get(url, "ar");
    expect(ar.headers.etag).not.toBe(ru1.headers.etag);
    expect(ar.json().localized.city.text).toBe("أستانا");
    expect(JSON.stringify(ar.json().localized)).not.toMatch(/[А-Яа-я]/);
    const again = await get(url, "ar");
    expect(again.json().localized.city.text).toBe("أستانا");
    const none = await get(url);
    expect(none.json().localized.city.text).toBe("Astana");
  });
});
