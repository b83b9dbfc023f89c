// The exports of the demonstration record read back as researchers' programs read them: CSV as a
// spreadsheet (BOM, CRLF, Arabic), Atom as XML, iCalendar line by line, citations field by field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { icsText, readCsv, readIcsEvents, readXml } from "../helpers/exports.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ DEMO: "on", PUBLIC_URL: "https://record.example.org" });
});
afterAll(async () => {
  await app?.close();
});

const get = async (url: string) => {
  const response = await app.request({ method: "GET", url });
  expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
  return response;
};
const json = async (url: string) => (await get(url)).json();

type Conflict = {
  id: string;
  kind: string;
  field: string | null;
  subject: { subjectType: string; subjectId: string };
  values: { value: string; sources: { url: string }[] }[];
  sources: { url: string }[];
};

describe("CSV exports of a process", () => {
  it("lists every round with its dates, place, participants and what the record disputes about it", async () => {
    const response = await get("/api/processes/astana/export/rounds.csv");
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers["content-disposition"]).toMatch(
      /^attachment; filename="astana-rounds-\d{4}-\d\d-\d\d\.csv"; filename\*=UTF-8''astana-rounds-/,
    );
    const rows = readCsv(response.body);
    const rounds = (await json("/api/processes/astana/rounds")).items;
    expect(rows.map((row) => Number(row.round))).toEqual(
      rounds.map((round: { number: number }) => round.number),
    );
    const r22 = rows.find((row) => row.round === "22");
    const api22 = rounds.find((round: { number: number }) => round.number === 22);
    expect(r22).toMatchObject({
      start_date: api22.startDate,
      end_date: api22.endDate ?? "",
      city: api22.city,
      status: api22.status,
      url: `https://record.example.org/rounds/${api22.id}`,
    });
    expect(r22?.guarantor?.split("; ").sort()).toEqual(["Iran", "Russia", "Türkiye"]);

    // The disputed values are the ones the rounds list itself marks (the same presenter).
    type Marked = { id: string; conflicts?: { id: string; field: string }[] };
    for (const row of rows) {
      const marked: Marked = rounds.find((round: Marked) => round.id === row.id);
      const ids = [...new Set((marked.conflicts ?? []).map((conflict) => conflict.id))];
      expect(row.conflict_ids ? row.conflict_ids.split("; ") : [], `round ${row.round}`).toEqual(ids);
      for (const conflict of marked.conflicts ?? []) expect(row.disputed).toContain(conflict.field);
    }
    expect(rows.some((row) => row.disputed !== "")).toBe(true);
  });

  it("gives the attendance matrix one row per participation, names in Arabic when asked", async () => {
    const matrix = await json("/api/processes/astana/attendance");
    const english = readCsv((await get("/api/processes/astana/export/attendance.csv")).body);
    expect(english.length).toBe(matrix.cells.length);
    const response = await get("/api/processes/astana/export/attendance.csv?lang=ar");
    expect(response.headers["content-disposition"]).toContain("astana-attendance-ar-");
    const arabic = readCsv(response.body);
    expect(arabic.length).toBe(matrix.cells.length);
    const russia = (await json("/api/participants/russia")) as { names: { ar: string } };
    expect(russia.names.ar).toMatch(/[\u0600-\u06ff]/);
    const russianRows = arabic.filter((row) => row.participant === russia.names.ar);
    expect(russianRows.length).toBeGreaterThan(10);
    expect(new Set(russianRows.map((row) => row.role))).toContain("guarantor");
    // The United States' absences, as the matrix has them.
    const us = matrix.participants.find((p: { name: string }) => p.name === "United States");
    const absent = matrix.cells.filter(
      (cell: { participantId: string; attendance: string }) =>
        cell.participantId === us.id && cell.attendance !== "attended",
    ).length;
    const usRows = english.filter(
      (row) => row.participant === "United States" && row.attendance !== "attended",
    );
    expect(usRows.length).toBe(absent);
    // Its absence is disputed (round 9 against round 15): no row says it settled.
    const disputedCells = matrix.cells.filter(
      (cell: { participantId: string; conflicted?: boolean }) =>
        cell.participantId === us.id && cell.conflicted,
    ).length;
    expect(disputedCells).toBeGreaterThan(0);
    expect(english.filter((row) => row.participant === "United States" && row.disputed !== "").length).toBe(
      disputedCells,
    );
  });

  it("gives every conflict one row per value, each beside the sources that give it", async () => {
    const conflicts: Conflict[] = (await json("/api/processes/astana/conflicts")).items;
    const rows = readCsv((await get("/api/processes/astana/export/conflicts.csv")).body);
    expect(rows.length).toBe(
      conflicts.reduce((sum, conflict) => sum + Math.max(conflict.values.length, 1), 0),
    );
    const disagreement = conflicts.find(
      (conflict) => conflict.kind === "disagreement" && conflict.values.length >= 2,
    );
    if (!disagreement) throw new Error("the demonstration record has a disagreement");
    const mine = rows.filter((row) => row.conflict_id === disagreement.id);
    expect(mine.map((row) => row.value)).toEqual(disagreement.values.map((value) => value.value));
    for (const [index, value] of disagreement.values.entries()) {
      expect(mine[index]?.source_urls?.split("\n")).toEqual(value.sources.map((source) => source.url));
      expect(Number(mine[index]?.source_count)).toBe(value.sources.length);
    }
  });

  it("lists the sources the record cites, each once, with what cites it", async () => {
    const rows = readCsv((await get("/api/processes/astana/export/sources.csv")).body);
    expect(rows.length).toBeGreaterThan(300);
    expect(new Set(rows.map((row) => row.url)).size).toBe(rows.length);
    for (const row of rows) {
      expect(row.url).toMatch(/^https?:\/\//);
      expect(row.cited_for).not.toBe("");
    }
  });
});

describe("feeds of a process", () => {
  it("is a well-formed Atom feed of announcements and decisions, newest first", async () => {
    const response = await get("/api/processes/astana/feed.atom");
    expect(response.headers["content-type"]).toBe("application/atom+xml; charset=utf-8");
    const feed = readXml(response.body).documentElement;
    expect(feed.namespaceURI).toBe("http://www.w3.org/2005/Atom");
    expect(feed.localName).toBe("feed");
    const entries = Array.from(feed.getElementsByTagName("entry"));
    const process = await json("/api/processes/astana");
    const round22 = await json(
      `/api/rounds/${(await json("/api/processes/astana/rounds")).items.find((r: { number: number }) => r.number === 22).id}`,
    );
    const text = (entry: Element, tag: string) => entry.getElementsByTagName(tag)[0]?.textContent ?? "";
    const ids = entries.map((entry) => text(entry, "id"));
    expect(new Set(ids).size).toBe(ids.length);
    for (const decision of process.decisions) {
      expect(ids).toContain(`https://record.example.org/processes/astana#decision-${decision.id}`);
    }
    for (const announcement of round22.announcements) {
      const entry = entries.find((candidate) =>
        text(candidate, "id").endsWith(`#announcement-${announcement.id}`),
      );
      expect(entry, "round 22's announcement").toBeDefined();
      expect(text(entry as Element, "updated").slice(0, 10)).toBe(announcement.publishedOn);
      expect(entry?.getElementsByTagName("link")[0]?.getAttribute("href")).toBe(
        `https://record.example.org/rounds/${round22.id}`,
      );
    }
    const updated = entries.map((entry) => text(entry, "updated"));
    expect(updated).toEqual([...updated].sort().reverse());
    expect(feed.getElementsByTagName("updated")[0]?.textContent).toBe(updated[0]);
  });

  it("is an iCalendar feed of the rounds as all-day events with stable UIDs", async () => {
    const first = await get("/api/processes/astana/rounds.ics");
    expect(first.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    const events = readIcsEvents(first.body);
    const rounds = (await json("/api/processes/astana/rounds")).items.filter(
      (round: { startDate: string | null }) => round.startDate,
    );
    expect(events.length).toBe(rounds.length);
    const uids = events.map((event) => event.UID);
    expect(new Set(uids).size).toBe(uids.length);
    expect(readIcsEvents((await get("/api/processes/astana/rounds.ics")).body).map((e) => e.UID)).toEqual(
      uids,
    );
    const round1 = rounds.find((round: { number: number }) => round.number === 1);
    const event = events.find((candidate) => candidate.UID === `round-${round1.id}@record.example.org`);
    expect(event?.["DTSTART;VALUE=DATE"]).toBe(round1.startDate.replaceAll("-", ""));
    const dayAfter = new Date(`${round1.endDate}T00:00:00Z`);
    dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
    expect(event?.["DTEND;VALUE=DATE"]).toBe(dayAfter.toISOString().slice(0, 10).replaceAll("-", ""));
    expect(icsText(event?.DESCRIPTION)).toContain("Dates as held");
    expect(icsText(event?.LOCATION)).toContain(round1.city);
    for (const candidate of events) expect(candidate.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
  });
});

describe("citations", () => {
  it("cites a round in CSL-JSON, BibTeX and RIS with its address, title, date, sources and access date", async () => {
    const rounds = (await json("/api/processes/astana/rounds")).items;
    const round = rounds.find((candidate: { number: number }) => candidate.number === 22);
    const record = await json(`/api/record/round/${round.id}`);
    type Listed = { url: string };
    const sourceUrls = [
      ...new Set(
        [
          ...Object.values(record.citations as Record<string, Listed[]>).flat(),
          ...record.facts.flatMap((fact: { sources: Listed[] }) => fact.sources),
          ...record.conflicts.flatMap((conflict: Conflict) =>
            conflict.values.flatMap((value) => value.sources),
          ),
        ].map((source) => source.url),
      ),
    ];
    expect(sourceUrls.length).toBeGreaterThan(3);
    const today = new Date().toISOString().slice(0, 10);

    const csl = await get(`/api/cite/round/${round.id}?format=csl`);
    expect(csl.headers["content-type"]).toBe("application/vnd.citationstyles.csl+json; charset=utf-8");
    const [item] = JSON.parse(csl.body);
    expect(item).toMatchObject({
      type: "webpage",
      title: round.name,
      URL: `https://record.example.org/rounds/${round.id}`,
      issued: { "date-parts": [round.startDate.split("-").map(Number)] },
      accessed: { "date-parts": [today.split("-").map(Number)] },
    });
    for (const url of sourceUrls) expect(item.references).toContain(url);

    const bib = (await get(`/api/cite/round/${round.id}?format=bibtex`)).body;
    expect(bib).toMatch(/^@misc\{[a-z0-9-]+,\n/);
    expect(bib).toContain(`url = {https://record.example.org/rounds/${round.id}}`);
    expect(bib).toContain(`year = {${round.startDate.slice(0, 4)}}`);
    expect(bib).toContain(`urldate = {${today}}`);
    expect(bib).toContain("title = {{22nd International Meeting");
    let depth = 0;
    for (const char of bib.replace(/\\[{}]/g, "")) {
      depth += char === "{" ? 1 : char === "}" ? -1 : 0;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth, "balanced braces").toBe(0);

    const ris = (await get(`/api/cite/round/${round.id}?format=ris`)).body;
    const lines = ris.split("\r\n");
    expect(lines[0]).toBe("TY  - ELEC");
    expect(lines.at(-2)).toBe("ER  - ");
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
    expect(lines).toContain(`UR  - https://record.example.org/rounds/${round.id}`);
    expect(lines).toContain(`Y2  - ${today.replaceAll("-", "/")}/`);
    expect(lines.filter((line) => line.startsWith("N1  - Source:")).length).toBe(sourceUrls.length);
    for (const url of sourceUrls) expect(ris).toContain(url);
  });

  it("cites a process, a decision, a meeting, a fact and a source; a missing one answers 404", async () => {
    const process = await json("/api/processes/astana");
    const meetings = await json("/api/processes/astana/meetings");
    const round = (await json("/api/processes/astana/rounds")).items[0];
    const record = await json(`/api/record/round/${round.id}`);
    const source = (await json("/api/sources?limit=1")).items[0];
    const cases = [
      ["process", process.id, `/processes/astana`],
      ["process_decision", process.decisions[0].id, `/processes/astana#decision-${process.decisions[0].id}`],
      ["meeting", meetings.items[0].id, `/meetings/${meetings.items[0].id}`],
      ["fact", record.facts[0].id, `/rounds/${round.id}#fact-${record.facts[0].id}`],
    ];
    for (const [type, id, path] of cases) {
      const [item] = JSON.parse((await get(`/api/cite/${type}/${id}?format=csl`)).body);
      expect(item.URL, type).toBe(`https://record.example.org${path}`);
      expect(item.title, type).not.toBe("");
    }
    const [cited] = JSON.parse((await get(`/api/cite/source/${source.id}`)).body);
    expect(cited).toMatchObject({ type: "article-newspaper", URL: source.url, publisher: source.publisher });
    expect((await app.request({ method: "GET", url: "/api/cite/round/no-such-round" })).statusCode).toBe(404);
    const badFormat = await app.request({ method: "GET", url: `/api/cite/round/${round.id}?format=docx` });
    expect(badFormat.statusCode).toBe(400);
    expect(badFormat.json().error.code).toBeDefined();
  });
});
