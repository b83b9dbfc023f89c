// GET /api/search as readers use it: Arabic spelled several ways, Russian inflected, part of a name,
// tier filtering in SQL, plain-text passages with ranges, bad input answered 400, changes seen at once.
import { describe, expect, it } from "vitest";
import type { SearchResults } from "../../src/contracts/search.ts";
import type { TestApp } from "../helpers/app.ts";
import { expectError } from "../helpers/error-shape.ts";
import { type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";

let app: TestApp;
let fx: ProcessFixture;
withProcessFixture((started) => ({ app, fx } = started));

async function search(query: Record<string, string>, as?: string): Promise<SearchResults> {
  const response = await app.request({ method: "GET", url: `/api/search?${new URLSearchParams(query)}`, as });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const idsOf = (results: SearchResults, kind: string) =>
  results.groups.find((group) => group.kind === kind)?.hits.map((hit) => hit.subjectId) ?? [];

async function planRound(number: number, names: Record<string, string>) {
  const response = await app.request({
    method: "POST",
    url: `/api/processes/${fx.slug}/rounds`,
    as: fx.as.secretariat,
    payload: { number, names, startDate: "2025-05-12", endDate: "2025-05-13" },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number };
}

async function announce(roundId: string) {
  const response = await app.request({
    method: "POST",
    url: `/api/rounds/${roundId}/announce`,
    as: fx.as.secretariat,
    payload: { publishedOn: "2025-04-20", text: "The meeting will be held in Astana on 12-13 May 2025." },
  });
  expect(response.statusCode, response.body).toBe(200);
}

describe("Arabic, whatever the spelling", () => {
  it("finds one round written with diacritics, hamza and ta marbuta, by every common spelling", async () => {
    const round = await planRound(31, {
      en: "Astana 31",
      ru: "Переговоры в Астане, 31-й раунд",
      ar: "الجَوْلَةُ الأُولى من المُفاوَضات في أَسْتانا",
    });
    await announce(round.id);
    for (const spelling of [
      "الجولة الأولى",
      "الجوله الاولي",
      "الجَوْلَة",
      "أستانا",
      "استانا",
      "آستانا",
      "المفاوضات",
      "مفاوضات",
    ]) {
      const results = await search({ q: spelling, lang: "ar" });
      expect(idsOf(results, "round"), spelling).toContain(round.id);
    }
    const found = (await search({ q: "الجوله", lang: "ar" })).groups.find((group) => group.kind === "round");
    const hit = found?.hits.find((candidate) => candidate.subjectId === round.id);
    expect(hit?.title.lang).toBe("ar");
    const [start, end] = hit?.title.highlights[0] ?? [0, 0];
    expect(hit?.title.text.slice(start, end)).toBe("الجَوْلَةُ");
  });

  it("finds a participant by its Arabic name with or without hamza on the alef", async () => {
    for (const spelling of ["إيران", "ايران"]) {
      expect(idsOf(await search({ q: spelling, lang: "ar" }), "participant"), spelling).toContain(
        fx.participants.iran.id,
      );
    }
  });
});

describe("Russian with stemming", () => {
  it("matches inflected forms of a word", async () => {
    const round = await planRound(32, { en: "Astana 32", ru: "Консультации по переговорам" });
    await announce(round.id);
    for (const form of ["переговоры", "переговоров", "переговорам", "консультаций"]) {
      expect(idsOf(await search({ q: form, lang: "ru" }), "round"), form).toContain(round.id);
    }
    const hit = (await search({ q: "переговоров", lang: "ru" })).groups
      .find((group) => group.kind === "round")
      ?.hits.find((candidate) => candidate.subjectId === round.id);
    expect(hit?.title).toMatchObject({ lang: "ru", text: "Консультации по переговорам" });
    expect(hit?.title.highlights.map(([start, end]) => hit.title.text.slice(start, end))).toEqual([
      "переговорам",
    ]);
  });
});

describe("names and parts of words", () => {
  it("finds a participant by part of its name and by a misspelling", async () => {
    expect(idsOf(await search({ q: "Kazakh" }), "participant")).toContain(fx.participants.kazakhstan.id);
    expect(idsOf(await search({ q: "kazakstan" }), "participant")).toContain(fx.participants.kazakhstan.id);
    expect(idsOf(await search({ q: "Turkiye" }), "participant")).toContain(fx.participants.turkiye.id);
    expect(idsOf(await search({ q: "Турц", lang: "ru" }), "participant")).toContain(
      fx.participants.turkiye.id,
    );
  });
});

describe("tiers", () => {
  it("hides a planned round from the public and shows it to the process's delegations", async () => {
    const round = await planRound(33, { en: "Quillwort consultations" });
    expect(idsOf(await search({ q: "quillwort" }), "round")).toEqual([]);
    expect((await search({ q: "quillwort" })).total).toBe(0);
    expect(idsOf(await search({ q: "quillwort" }, fx.as.observer), "round")).toEqual([round.id]);
    expect(idsOf(await search({ q: "quillwort" }, fx.as.guarantor), "round")).toEqual([round.id]);
    await announce(round.id);
    expect(idsOf(await search({ q: "quillwort" }), "round")).toEqual([round.id]);
  });
});

describe("passages", () => {
  it("are plain text with ranges: markup in the record comes back as characters, never as HTML", async () => {
    const created = await app.request({
      method: "POST",
      url: "/api/participants",
      as: fx.as.secretariat,
      payload: {
        slug: "zorblat",
        kind: "organization",
        names: { en: '<img src=x onerror="alert(1)"> Zorblat Mission' },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const hit = (await search({ q: "zorblat" })).groups.find((group) => group.kind === "participant")
      ?.hits[0];
    expect(hit?.title.text).toBe('<img src=x onerror="alert(1)"> Zorblat Mission');
    expect(hit?.title.highlights.map(([start, end]) => hit.title.text.slice(start, end))).toEqual([
      "Zorblat",
    ]);
    expect(JSON.stringify(hit)).not.toContain("<mark");
  });
});

describe("the index follows the record", () => {
  it("shows a committed change to the next search", async () => {
    const round = await planRound(34, { en: "Astana 34" });
    await announce(round.id);
    expect(idsOf(await search({ q: "Marigold" }), "round")).toEqual([]);
    const current = await app.request({
      method: "GET",
      url: `/api/rounds/${round.id}`,
      as: fx.as.secretariat,
    });
    const renamed = await app.request({
      method: "PATCH",
      url: `/api/rounds/${round.id}`,
      as: fx.as.secretariat,
      payload: { version: current.json().version, names: { en: "Marigold round" } },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(idsOf(await search({ q: "Marigold" }), "round")).toEqual([round.id]);
  });

  it("narrows to one kind and one process", async () => {
    const results = await search({ q: "Astana", kind: "round", process: fx.slug });
    expect(results.groups.map((group) => group.kind)).toEqual(["round"]);
    expect(results.kinds).toEqual(expect.arrayContaining(["round", "fact", "conflict", "source", "person"]));
  });
});

describe("bad input", () => {
  it("answers 400 in the one error shape", async () => {
    for (const q of ["", "   ", "x".repeat(10_240), "abc\u0007", "%%%"]) {
      const response = await app.request({ method: "GET", url: `/api/search?q=${encodeURIComponent(q)}` });
      expect(response.statusCode, q.slice(0, 20)).toBe(400);
      expectError(response, 400);
    }
    const unknownKind = await app.request({ method: "GET", url: "/api/search?q=astana&kind=spaceship" });
    expectError(unknownKind, 400, "unknown_search_kind");
    const badLanguage = await app.request({ method: "GET", url: "/api/search?q=astana&lang=fr" });
    expect(badLanguage.statusCode).toBe(400);
    const unknownProcess = await app.request({ method: "GET", url: "/api/search?q=astana&process=nowhere" });
    expect(unknownProcess.statusCode).toBe(404);
  });
});
