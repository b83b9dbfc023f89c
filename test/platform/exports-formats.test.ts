// The platform's export serializers on their own: what any module's exports (the record's today,
// the negotiated texts' later) can rely on.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { toAtom } from "../../src/server/platform/exports/atom.ts";
import { type Citable, toBibtex, toCslJson, toRis } from "../../src/server/platform/exports/citations.ts";
import { neutralizeFormula, toCsv } from "../../src/server/platform/exports/csv.ts";
import { contentDisposition, fileSlug } from "../../src/server/platform/exports/download.ts";
import { toICalendar } from "../../src/server/platform/exports/ical.ts";
import { readCsv, readIcsEvents, readXml } from "../helpers/exports.ts";

describe("CSV", () => {
  const columns = [
    { header: "text", value: (row: { text: string | null; count: number }) => row.text },
    { header: "count", value: (row: { text: string | null; count: number }) => row.count },
  ];

  it("round-trips commas, quotes, line breaks, Arabic and Russian through a strict parser", () => {
    const texts = ['قال: "نعم", ثم غادر', "Астана,\r\nНур-Султан", "", "plain"];
    const csv = toCsv(
      columns,
      texts.map((text, count) => ({ text, count })),
    );
    expect(csv.startsWith('\uFEFF"text","count"\r\n')).toBe(true);
    const rows = readCsv(csv);
    expect(rows.map((row) => row.text)).toEqual(texts);
    expect(rows.map((row) => row.count)).toEqual(["0", "1", "2", "3"]);
    expect(toCsv(columns, [{ text: null, count: 1 }]).split("\r\n")[1]).toBe('"",1');
  });

  it("neutralizes every cell a spreadsheet would run as a formula, and nothing else", () => {
    for (const text of ["=1+1", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx", "＝1+1"])
      expect(neutralizeFormula(text)).toBe(`'${text}`);
    for (const text of ["1+1", "Astana 22", "'quoted", "a=b", "", "2017-01-23"])
      expect(neutralizeFormula(text)).toBe(text);
    const rows = parse(toCsv(columns, [{ text: "=cmd|' /C calc'!A0", count: -3 }]), {
      bom: true,
      columns: true,
    });
    expect(rows[0]).toEqual({ text: "'=cmd|' /C calc'!A0", count: "-3" });
  });

  it("names files in any script, safely for old clients", () => {
    expect(fileSlug("Astana 22 / Нур-Султан")).toBe("astana-22-нур-султан");
    expect(contentDisposition("أستانا.csv")).toBe(
      `attachment; filename="______.csv"; filename*=UTF-8''${encodeURIComponent("أستانا.csv")}`,
    );
    expect(contentDisposition('a"b\\.csv')).toContain('filename="a_b_.csv"');
  });
});

const work: Citable = {
  key: "astana-round-22",
  kind: "record",
  title: "Astana 22: 100% {agreed} & signed_#1 ~ ^",
  url: "https://record.example.org/rounds/r22?x=1&y=2",
  issued: "2024-11-11",
  accessed: "2026-12-07",
  publisher: "Astana",
  containerTitle: "Meetings on Syria: the public record",
  language: "en",
  sources: [
    { title: "Joint statement", url: "https://mfa.kz/a", publisher: "mfa.kz", published: "2024-11-12" },
    { title: null, url: "https://tass.com/b", publisher: "tass.com", published: null },
  ],
};

describe("citations", () => {
  it("writes CSL-JSON items with their dates as date-parts and the sources listed", () => {
    const [item] = JSON.parse(toCslJson(work));
    expect(item).toMatchObject({
      id: "astana-round-22",
      type: "webpage",
      title: work.title,
      URL: work.url,
      issued: { "date-parts": [[2024, 11, 11]] },
      accessed: { "date-parts": [[2026, 12, 7]] },
      "container-title": work.containerTitle,
    });
    expect(item.note).toContain("Joint statement, mfa.kz, 2024-11-12, https://mfa.kz/a");
    expect(item.references.split("\n")).toEqual(["https://mfa.kz/a", "https://tass.com/b"]);
    const [month] = JSON.parse(toCslJson({ ...work, issued: "2018-05" }));
    expect(month.issued).toEqual({ "date-parts": [[2018, 5]] });
  });

  it("escapes LaTeX's special characters in BibTeX and keeps the address verbatim", () => {
    const bib = toBibtex(work);
    expect(bib).toContain(
      "title = {{Astana 22: 100\\% \\{agreed\\} \\& signed\\_\\#1 \\textasciitilde{} \\textasciicircum{}}}",
    );
    expect(bib).toContain("url = {https://record.example.org/rounds/r22?x=1&y=2}");
    expect(bib).toContain("year = {2024}");
    expect(bib).toContain("month = {11}");
    expect(bib).toContain("urldate = {2026-12-07}");
    expect(bib).not.toContain("date = {null}");
    expect(toBibtex({ ...work, issued: null })).not.toMatch(/\byear = /);
  });

  it("writes RIS as CRLF tagged lines, one source per note, ending with ER", () => {
    const lines = toRis({ ...work, title: "Line one\nline two" }).split("\r\n");
    expect(lines).toEqual([
      "TY  - ELEC",
      "ID  - astana-round-22",
      "TI  - Line one line two",
      `UR  - ${work.url}`,
      "PY  - 2024",
      "DA  - 2024/11/11/",
      "Y2  - 2026/12/07/",
      "PB  - Astana",
      `T2  - ${work.containerTitle}`,
      "LA  - en",
      "N1  - Source: Joint statement, mfa.kz, 2024-11-12, https://mfa.kz/a",
      "N1  - Source: https://tass.com/b, tass.com",
      "ER  - ",
      "",
    ]);
    expect(toRis({ ...work, kind: "source", sources: [] }).startsWith("TY  - NEWS\r\n")).toBe(true);
  });
});

describe("feeds", () => {
  it("writes Atom with escaped text, the newest entry's date as the feed's, and an author", () => {
    const atom = toAtom(
      {
        id: "urn:x",
        title: "T & <b>",
        link: "https://x/",
        self: "https://x/feed.atom",
        description: "d",
        author: "A",
      },
      [
        { id: "urn:1", title: "Old", link: "https://x/1", date: "2017-01-10", summary: "a < b" },
        { id: "urn:2", title: "New ]]> end", link: "https://x/2", date: "2024-11-01", summary: "x" },
      ],
    );
    const feed = readXml(atom).documentElement;
    const entries = Array.from(feed.getElementsByTagName("entry"));
    expect(entries.map((entry) => entry.getElementsByTagName("id")[0]?.textContent)).toEqual([
      "urn:2",
      "urn:1",
    ]);
    expect(feed.getElementsByTagName("updated")[0]?.textContent).toBe("2024-11-01T00:00:00.000Z");
    expect(entries[0]?.getElementsByTagName("title")[0]?.textContent).toBe("New ]]&gt; end");
    expect(entries[1]?.getElementsByTagName("summary")[0]?.textContent).toBe("a &lt; b");
    expect(feed.getElementsByTagName("author").length).toBeGreaterThan(0);
  });

  it("writes all-day iCalendar events with exclusive ends, folded lines and stable identity", () => {
    const long = "Переговоры в Астане — محادثات أستانا ".repeat(6);
    const calendar = toICalendar({ name: "Rounds", description: "d", url: "https://x/" }, [
      {
        uid: "round-1@x",
        sequence: 3,
        summary: long,
        description: "Dates as held; with, commas\nand a line",
        startDate: "2024-12-31",
        endDate: "2024-12-31",
        location: "Astana",
        url: "https://x/rounds/1",
        stamp: "2024-12-01",
      },
      {
        uid: "round-2@x",
        sequence: 1,
        summary: "Cancelled",
        description: "",
        startDate: "2020-03-01",
        endDate: "2020-03-02",
        location: null,
        url: "https://x/rounds/2",
        stamp: "2020-02-01",
        cancelled: true,
      },
    ]);
    const [first, second] = readIcsEvents(calendar);
    expect(first).toMatchObject({
      UID: "round-1@x",
      SEQUENCE: "3",
      "DTSTART;VALUE=DATE": "20241231",
      "DTEND;VALUE=DATE": "20250101",
      SUMMARY: long,
      STATUS: "CONFIRMED",
    });
    expect(first?.DESCRIPTION).toBe("Dates as held\\; with\\, commas\\nand a line");
    expect(second?.STATUS).toBe("CANCELLED");
    expect(calendar.split("\r\n").filter((line) => line.startsWith(" ")).length).toBeGreaterThan(2);
  });
});
