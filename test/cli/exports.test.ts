// `astana export …` writes the files the web app offers, from the same reads and presenters; read back
// here as the programs people open them with would (spreadsheet, feed reader, calendar, reference manager).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exitCodes } from "../../src/cli/common.ts";
import { icsText, readCsv, readIcsEvents, readXml } from "../helpers/exports.ts";
import { answer, astana } from "./run.ts";

const dataDir = mkdtempSync(path.join(tmpdir(), "astana-cli-exports-"));
const env = { DATA_DIR: path.join(dataDir, "data"), DEMO: "on", PUBLIC_URL: "https://record.example.org" };
const out = (name: string) => path.join(dataDir, name);
const read = (name: string) => readFileSync(out(name), "utf8");

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

async function exportTo(name: string, ...args: string[]) {
  const run = await astana(env, ["export", ...args, "--out", out(name)]);
  expect(run.code, run.stderr).toBe(exitCodes.ok);
  expect(run.stdout).toContain(`Wrote ${out(name)}`);
  return run;
}

describe("astana export", () => {
  it("writes every export of the web app to a file that reads back as its program reads it", {
    timeout: 600_000,
  }, async () => {
    const round22 = answer(await astana(env, ["rounds", "show", "22", "--process", "astana", "--json"])) as {
      id: string;
      city: string;
      startDate: string;
    };

    await exportTo("rounds.csv", "rounds", "--process", "astana");
    const rounds = readCsv(read("rounds.csv"));
    expect(rounds.find((row) => row.round === "22")).toMatchObject({
      city: round22.city,
      start_date: round22.startDate,
      url: `https://record.example.org/rounds/${round22.id}`,
    });

    await exportTo("attendance-ar.csv", "attendance", "--lang", "ar");
    const attendance = readCsv(read("attendance-ar.csv"));
    expect(attendance.length).toBeGreaterThan(20);
    expect(attendance.map((row) => row.participant).join(" ")).toMatch(/روسيا/);

    await exportTo("conflicts.csv", "conflicts");
    const conflicts = readCsv(read("conflicts.csv"));
    expect(conflicts.some((row) => /Assad/.test(Object.values(row).join(" ")))).toBe(true);

    await exportTo("sources.csv", "sources");
    expect(readCsv(read("sources.csv")).every((row) => Object.values(row).join("").includes("http"))).toBe(
      true,
    );

    await exportTo("feed.atom", "atom");
    const feed = readXml(read("feed.atom"));
    expect(feed.documentElement?.tagName).toBe("feed");
    expect(feed.getElementsByTagName("entry").length).toBeGreaterThan(5);

    await exportTo("rounds.ics", "ics");
    const events = readIcsEvents(read("rounds.ics"));
    const event22 = events.find((event) => event.UID === `round-${round22.id}@record.example.org`);
    expect(event22?.["DTSTART;VALUE=DATE"]).toBe("20241111");
    expect(icsText(event22?.SUMMARY)).toMatch(/22/);

    await exportTo("round-22.bib", "cite", "--round", "22", "--format", "bibtex");
    const bibtex = read("round-22.bib");
    expect(bibtex).toMatch(/^@misc\{/);
    expect(bibtex).toContain(`https://record.example.org/rounds/${round22.id}`);
    await exportTo("round-22.ris", "cite", "--round", "22", "--format", "ris");
    expect(read("round-22.ris")).toMatch(/^TY {2}- /m);
    await exportTo("round-22.json", "cite", "--subject-type", "round", "--subject-id", round22.id);
    const csl = JSON.parse(read("round-22.json")) as { URL: string }[];
    expect(csl[0]?.URL).toBe(`https://record.example.org/rounds/${round22.id}`);

    // Wrong requests say what is wrong, with the usual exit codes, and write nothing.
    const nothing = await astana(env, ["export", "cite", "--out", out("nothing.json")]);
    expect(nothing.code).toBe(exitCodes.usage);
    expect(nothing.stderr).toContain("--subject-type");
    const missing = await astana(env, [
      "export",
      "cite",
      "--subject-type",
      "round",
      "--subject-id",
      "no-such",
    ]);
    expect(missing.code).toBe(exitCodes.refused);
    const badLang = await astana(env, ["export", "rounds", "--lang", "fr", "--out", out("fr.csv")]);
    expect(badLang.code).toBe(exitCodes.usage);
    expect(() => read("nothing.json")).toThrow();
  });
});
