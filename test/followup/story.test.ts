// The "how it will be checked", at the API: import a real-format ACLED file (dry run, then the
// valid rows), read the rejected rows, see incidents fall into the Idlib zone, verify one and dispute
// another, mark a commitment breached, the round 23 report and its CSV, and what the public sees.
import { beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { countRows, type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";
import { acledCsv, acledRow, announcedRound, createIdlibZone, importCsv } from "./helpers.ts";

let app: TestApp;
let fx: ProcessFixture;
let zoneId: string;
let round23: string;
withProcessFixture((started) => {
  app = started.app;
  fx = started.fx;
});

const file = acledCsv([
  acledRow({ event_id_cnty: "SYR1001", event_date: "2025-03-10", fatalities: 2 }),
  acledRow({
    event_id_cnty: "SYR1002",
    event_date: "15 March 2025",
    event_type: "Battles",
    sub_event_type: "Armed clash",
  }),
  acledRow({ event_id_cnty: "SYR1003", event_date: "2025/03/16", latitude: 35.6, longitude: 36.4 }),
  // Deir ez-Zor: in Syria, in no zone.
  acledRow({
    event_id_cnty: "SYR1004",
    event_date: "2025-03-20",
    latitude: 35.33,
    longitude: 40.14,
    admin1: "Deir ez Zor",
  }),
  acledRow({ event_id_cnty: "SYR1005", event_date: "03/04/2025" }),
  acledRow({ event_id_cnty: "SYR1006", latitude: 40.14, longitude: 35.33 }),
  acledRow({ event_id_cnty: "SYR1007", latitude: 135, longitude: 36.6 }),
  acledRow({ event_id_cnty: "SYR1008", fatalities: "many" }),
  acledRow({ event_id_cnty: "", event_date: "" }),
  acledRow({ event_id_cnty: "SYR1001", event_date: "2025-03-11" }),
]);

beforeAll(async () => {
  zoneId = await createIdlibZone(app, fx);
  await announcedRound(app, fx, 22, "2024-11-11", "2024-11-12");
  round23 = await announcedRound(app, fx, 23, "2025-05-20", "2025-05-21");
});

type Report = {
  rows: number;
  valid: number;
  rejected: number;
  inserted: number;
  updated: number;
  attributed: number;
  rejectedRows: {
    line: number;
    eventId: string | null;
    reasons: string[];
    faults: { field: string; code: string; params: Record<string, string | number> }[];
  }[];
};

describe("importing an ACLED file", () => {
  it("a dry run reports every rejected row with its reasons and writes nothing", async () => {
    const response = await importCsv(app, fx, file, { dryRun: true });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json() as Report;
    expect(report).toMatchObject({ rows: 10, valid: 4, rejected: 6, inserted: 0, attributed: 3 });
    const reasonsOf = (id: string) =>
      report.rejectedRows.find((row) => row.eventId === id)?.reasons.join(" ");
    expect(reasonsOf("SYR1005")).toMatch(/ambiguous/);
    expect(reasonsOf("SYR1006")).toMatch(/swapped/);
    expect(reasonsOf("SYR1007")).toMatch(/latitude 135 is out of range/);
    expect(reasonsOf("SYR1008")).toMatch(/fatalities/);
    expect(report.rejectedRows.find((row) => row.eventId === null)?.reasons.join(" ")).toMatch(
      /event_id_cnty: missing/,
    );
    expect(reasonsOf("SYR1001")).toMatch(/repeats line 2/);
    // The same reasons as codes, one per reason, which the import page words in its reader's language.
    const faultsOf = (id: string | null) => report.rejectedRows.find((row) => row.eventId === id)?.faults;
    for (const row of report.rejectedRows) expect(row.faults).toHaveLength(row.reasons.length);
    expect(faultsOf("SYR1005")).toEqual([
      { field: "event_date", code: "ambiguous_date", params: { value: "03/04/2025" } },
    ]);
    expect(faultsOf("SYR1006")).toEqual([
      { field: "latitude/longitude", code: "swapped", params: { value: "40.14, 35.33", country: "Syria" } },
    ]);
    expect(faultsOf("SYR1007")?.[0]).toMatchObject({
      code: "swapped",
      params: { value: "135, 36.6" },
    });
    expect(faultsOf("SYR1008")).toEqual([
      { field: "fatalities", code: "not_count", params: { value: "many" } },
    ]);
    expect(faultsOf(null)?.map((fault) => `${fault.field}:${fault.code}`)).toEqual([
      "event_id_cnty:missing",
      "event_date:missing",
    ]);
    expect(faultsOf("SYR1001")).toEqual([{ field: "event_id_cnty", code: "repeated", params: { line: 2 } }]);
    expect(await countRows(app, "followup_incidents")).toBe(0);
  });

  it("then imports the valid rows, attributed to the Idlib zone, and a re-import duplicates nothing", async () => {
    const first = (await importCsv(app, fx, file, { dryRun: false })).json() as Report;
    expect(first).toMatchObject({ valid: 4, inserted: 4, updated: 0, attributed: 3 });
    const again = (await importCsv(app, fx, file, { dryRun: false })).json() as Report;
    expect(again).toMatchObject({ inserted: 0, updated: 4 });
    expect(await countRows(app, "followup_incidents")).toBe(4);

    const inZone = await app.request({
      method: "GET",
      url: `/api/processes/${fx.slug}/incidents?zoneId=${zoneId}`,
      as: fx.as.monitor,
    });
    const ids = (inZone.json().items as { report: { externalId: string } }[]).map(
      (item) => item.report.externalId,
    );
    expect(ids.sort()).toEqual(["SYR1001", "SYR1002", "SYR1003"]);
    const audit = await countRows(app, "audit_log");
    expect(audit).toBeGreaterThan(0);
  });
});

describe("verifying, breaching and reporting", () => {
  const incidentOf = async (externalId: string) => {
    const list = await app.request({
      method: "GET",
      url: `/api/processes/${fx.slug}/incidents`,
      as: fx.as.monitor,
    });
    const found = (list.json().items as { id: string; report: { externalId: string } }[]).find(
      (item) => item.report.externalId === externalId,
    );
    if (!found) throw new Error(`no incident ${externalId}`);
    return found.id;
  };
  const verify = (id: string, state: string, reason?: string, as = fx.as.monitor) =>
    app.request({ method: "POST", url: `/api/incidents/${id}/verification`, as, payload: { state, reason } });

  it("the monitor verifies one report and disputes another, saying why; others may not", async () => {
    const one = await incidentOf("SYR1001");
    const other = await incidentOf("SYR1002");
    expect((await verify(one, "verified")).statusCode).toBe(409);
    expect((await verify(one, "under_review", undefined, fx.as.guarantor)).statusCode).toBe(403);
    expect((await verify(one, "under_review")).statusCode).toBe(200);
    expect((await verify(one, "verified", "Two independent sources.")).statusCode).toBe(200);
    expect((await verify(other, "under_review")).statusCode).toBe(200);
    const noReason = await verify(other, "disputed");
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe("reason_required");
    expect((await verify(other, "disputed", "The sides give different places.")).statusCode).toBe(200);
    const detail = await app.request({ method: "GET", url: `/api/incidents/${other}`, as: fx.as.party });
    expect(detail.json().history.map((entry: { state: string }) => entry.state)).toEqual([
      "reported",
      "under_review",
      "disputed",
    ]);
    // A party reads that the team took each step, not which member; the monitors read who.
    expect(detail.json().history.map((entry: { by: string }) => entry.by)).toEqual([
      "reporter (protected)",
      "monitoring team",
      "monitoring team",
    ]);
    const seenByMonitor = await app.request({
      method: "GET",
      url: `/api/incidents/${other}`,
      as: fx.as.monitor,
    });
    expect(seenByMonitor.json().history.at(-1).by).toContain("@");
  });

  it("a ceasefire commitment covering the zone gets suggested links; the monitor marks it breached", async () => {
    const created = await app.request({
      method: "POST",
      url: `/api/processes/${fx.slug}/commitments`,
      as: fx.as.secretariat,
      payload: {
        what: "Cease hostilities in the Idlib de-escalation area",
        category: "ceasefire",
        zoneIds: [zoneId],
        responsibleParticipantIds: [fx.participants.russia.id, fx.participants.turkiye.id],
        indicators: ["No shelling reported in the zone"],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const commitmentId = created.json().id;
    // Attribution suggests links on the next import or report: re-import to attribute again.
    await importCsv(app, fx, file, { dryRun: false });
    const one = await incidentOf("SYR1001");
    const detail = (
      await app.request({ method: "GET", url: `/api/incidents/${one}`, as: fx.as.monitor })
    ).json();
    const link = detail.links.find(
      (candidate: { commitmentId: string }) => candidate.commitmentId === commitmentId,
    );
    expect(link?.state).toBe("suggested");
    const decided = await app.request({
      method: "POST",
      url: `/api/incident-links/${link.id}/decision`,
      as: fx.as.monitor,
      payload: { decision: "confirmed", reason: "Shelling inside the zone." },
    });
    expect(decided.statusCode, decided.body).toBe(200);

    const breached = await app.request({
      method: "POST",
      url: `/api/commitments/${commitmentId}/updates`,
      as: fx.as.monitor,
      payload: {
        status: "breached",
        evidence: "Verified shelling on 10 March 2025.",
        on: "2025-03-12",
        sources: [{ url: "https://example.org/monitoring/2025-03", title: "Monitoring note, March 2025" }],
      },
    });
    expect(breached.statusCode, breached.body).toBe(200);
    const tracker = (
      await app.request({ method: "GET", url: `/api/processes/${fx.slug}/commitments` })
    ).json();
    expect(tracker.items[0]).toMatchObject({ status: "breached", trend: "down" });
  });

  it("the since-the-last-round report for round 23 counts incidents by zone and the new breach, and exports as CSV", async () => {
    const report = (
      await app.request({
        method: "GET",
        url: `/api/rounds/${round23}/followup-report`,
        as: fx.as.secretariat,
      })
    ).json();
    expect(report).toMatchObject({ roundNumber: 23, from: "2024-11-12", to: "2025-05-20" });
    expect(report.incidentsByZone).toContainEqual({
      zoneId,
      zoneName: "Idlib de-escalation area",
      incidents: 3,
      fatalities: 2,
    });
    expect(report.incidentsByZone).toContainEqual({
      zoneId: null,
      zoneName: "Outside the zones",
      incidents: 1,
      fatalities: 0,
    });
    // The breach the report states cites its evidence and sources.
    expect(report.newBreaches).toEqual([
      {
        commitmentId: expect.any(String),
        what: expect.any(String),
        on: "2025-03-12",
        evidence: "Verified shelling on 10 March 2025.",
        sources: [{ url: "https://example.org/monitoring/2025-03", title: "Monitoring note, March 2025" }],
      },
    ]);
    expect(report.processId).toBe(fx.processId);
    const csv = await app.request({
      method: "GET",
      url: `/api/rounds/${round23}/followup-report.csv`,
      as: fx.as.secretariat,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/text\/csv/);
    expect(csv.headers["content-disposition"]).toMatch(/since-last-round-23\.csv/);
    expect(csv.body.startsWith("\uFEFF")).toBe(true);
    expect(csv.body).toContain("new breach");
    expect(csv.body.split("\r\n")[0]).toMatch(/,"sources"$/);
    expect(csv.body).toContain("https://example.org/monitoring/2025-03");
    // In Russian for a Russian reader: the report's own words, the headers as they are.
    const russian = await app.request({
      method: "GET",
      url: `/api/rounds/${round23}/followup-report.csv?lang=ru`,
      as: fx.as.secretariat,
    });
    expect(russian.statusCode).toBe(200);
    expect(russian.headers["content-disposition"]).toMatch(/since-last-round-23-ru\.csv/);
    expect(russian.body).toContain("новое нарушение");
    expect(russian.body).toContain("Вне зон");
    expect(russian.body).toMatch(/→ нарушено/);
    expect(russian.body).not.toContain("new breach");
  });

  it("the public sees only the declassified summary of a verified report", async () => {
    const one = await incidentOf("SYR1001");
    const publicBefore = (
      await app.request({ method: "GET", url: `/api/processes/${fx.slug}/incidents` })
    ).json();
    expect(publicBefore.items).toEqual([]);
    const refused = await app.request({
      method: "POST",
      url: `/api/incidents/${await incidentOf("SYR1002")}/declassify`,
      as: fx.as.monitor,
      payload: { summary: "A disputed report." },
    });
    expect(refused.statusCode).toBe(409);
    const declassified = await app.request({
      method: "POST",
      url: `/api/incidents/${one}/declassify`,
      as: fx.as.monitor,
      payload: { summary: "Shelling in the Idlib area on 10 March 2025; two killed." },
    });
    expect(declassified.statusCode, declassified.body).toBe(200);
    const seen = (await app.request({ method: "GET", url: `/api/processes/${fx.slug}/incidents` })).json();
    expect(seen.items).toHaveLength(1);
    expect(seen.items[0]).toMatchObject({
      id: one,
      summary: expect.stringContaining("Shelling"),
      report: null,
      protected: null,
    });
    // A coarsened place for its map (0.1°, rounded in SQL), never the report's exact 35.93, 36.63.
    expect(seen.items[0].place).toEqual({ latitude: 35.9, longitude: 36.6, gridDegrees: 0.1 });
    const body = JSON.stringify(seen);
    expect(body).not.toContain("Synthetic");
    const mapMonth = await app.request({
      method: "GET",
      url: `/api/processes/${fx.slug}/incidents?from=2025-03-01&to=2025-03-31&fields=map`,
    });
    expect(mapMonth.json().items[0].place).toMatchObject({ latitude: 35.9, longitude: 36.6 });
    const detail = (await app.request({ method: "GET", url: `/api/incidents/${one}` })).json();
    expect(detail).toMatchObject({ report: null, protected: null, history: [], links: [] });
    expect(detail.place).toEqual({ latitude: 35.9, longitude: 36.6, gridDegrees: 0.1 });
    for (const answer of [body, mapMonth.body, JSON.stringify(detail)]) {
      expect(answer).not.toContain("35.93");
      expect(answer).not.toContain("36.63");
    }
    // The delegations read the exact point in the report, and no coarsened one.
    const member = (
      await app.request({ method: "GET", url: `/api/incidents/${one}`, as: fx.as.observer })
    ).json();
    expect(member).toMatchObject({ report: { latitude: 35.93, longitude: 36.63 }, place: null });
    const hidden = await app.request({ method: "GET", url: `/api/incidents/${await incidentOf("SYR1002")}` });
    expect(hidden.statusCode).toBe(404);
    const publicReport = (
      await app.request({ method: "GET", url: `/api/rounds/${round23}/followup-report` })
    ).json();
    expect(publicReport.incidentsByZone).toEqual([
      { zoneId, zoneName: "Idlib de-escalation area", incidents: 1, fatalities: 2 },
    ]);
  });
});
