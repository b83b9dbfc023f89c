import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { acledFile, header, row, setUpMonitoring } from "./followup-setup.ts";
import { expectNoHorizontalOverflow } from "./helpers.ts";
import { newSlugs, pageAs, planAnnouncedRound, type Setup, setUp, shots } from "./secretariat-setup.ts";

// The follow-up in the browser: the monitoring team imports an ACLED-format file (checked first, the
// rejected row shown, then the valid rows imported), verifies one report and disputes another (a
// dispute without a reason refused), declassifies the verified one, confirms its link to the ceasefire
// commitment and marks that commitment breached; the map's month slider moves by keyboard and its list
// follows; the secretariat reads round 23's "since the last round" report and downloads its CSV; a
// visitor sees the map drawn with no request leaving the server, only the declassified incident, on a
// phone and in Arabic right to left.

const slugOf = newSlugs("f");

type Listed = { items: { id: string; occurredOn: string }[] };

test.describe
  .serial("the follow-up: map, monitoring and the report of round 23", () => {
    let setup: Setup;
    let roundId = "";
    let monitorEmail = "";
    let commitmentId = "";
    let zoneId = "";
    const incidentOn: Record<string, string> = {};

    test.beforeAll(async ({ browser, baseURL }) => {
      const base = baseURL ?? "";
      setup = await setUp(browser, base, slugOf);
      roundId = (await planAnnouncedRound(browser, base, setup)).split("/").at(-1) ?? "";
      ({ monitorEmail, commitmentId, zoneId } = await setUpMonitoring(browser, base, setup, slugOf));
    });

    test("the monitor checks an ACLED file, reads the rejected row, then imports the valid rows", async ({
      browser,
      baseURL,
    }) => {
      const page = await pageAs(browser, baseURL ?? "", monitorEmail);
      await page.goto(`/processes/${setup.processSlug}`);
      await page.getByRole("link", { name: "Import ACLED reports" }).click();
      await expect(page.getByRole("heading", { name: "Import ACLED reports", level: 1 })).toBeVisible();
      // A file saved in Latin-1 is refused as it arrives, in the server's words, before any job starts.
      await page.locator('input[type="file"]').setInputFiles({
        name: "acled-latin1.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(`${acledFile}\r\n"caf\u00e9"`, "latin1"),
      });
      await page.getByRole("button", { name: "Check the file" }).click();
      await expect(page.getByRole("alert")).toContainText("The file is not UTF-8");
      await expect(page.getByTestId("import-progress")).toHaveCount(0);
      await page
        .locator('input[type="file"]')
        .setInputFiles({ name: "acled-syria.csv", mimeType: "text/csv", buffer: Buffer.from(acledFile) });
      await page.getByRole("button", { name: "Check the file" }).click();
      // The check runs as a job: its progress (rows and bytes read, from the job) shows, then its report.
      const progress = page.getByTestId("import-progress");
      await expect(progress).toContainText(/4 rows read, [\d.,]+ (byte|kB) of [\d.,]+ (byte|kB)\./);
      await expect(progress.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
      await expect(page.getByTestId("import-result")).toContainText(
        "Checked: 4 rows, 3 valid, 1 rejected. Nothing has been written.",
      );
      const rejected = page.getByTestId("import-rejected");
      await expect(rejected.getByRole("row")).toHaveCount(2);
      await expect(rejected).toContainText("SYR-E2E-4");
      await expect(rejected).toContainText(/latitude/i);
      await page.getByRole("button", { name: "Import the 3 valid rows" }).click();
      await expect(page.getByTestId("import-result")).toContainText("Imported: 3 new, 0 updated");
      await expect(progress).toContainText("4 rows read");
      const listed = (await (
        await page.request.get(`/api/processes/${setup.processSlug}/incidents`)
      ).json()) as Listed;
      expect(listed.items).toHaveLength(3);
      for (const item of listed.items) incidentOn[item.occurredOn] = item.id;
      await page.context().close();
    });

    test("checking a file, the monitor watches the rows and bytes read grow while the job runs", async ({
      browser,
      baseURL,
    }, testInfo) => {
      // A dry run writes nothing, so the file leaves the record as it was. The test server pauses this
      // job 700 ms after each progress report (every 1,000 rows; header x-astana-test-hold, see serve.ts),
      // so the job runs some 7 s through states the page must draw, however fast or loaded the machine.
      const rows = Array.from({ length: 10_000 }, (_, index) =>
        row(`SYR-BIG-${index}`, "2024-01-15", "Battles", 35.93, "Synthetic: a row of a large export."),
      );
      const file = testInfo.outputPath("acled-large.csv");
      await writeFile(file, [header.join(","), ...rows].join("\r\n"));
      const page = await pageAs(browser, baseURL ?? "", monitorEmail);
      await page.route("**/incidents/imports?*", (route) =>
        route.continue({ headers: { ...route.request().headers(), "x-astana-test-hold": "chunks=700" } }),
      );
      await page.goto(`/processes/${setup.processSlug}/followup/import`);
      await page.locator('input[type="file"]').setInputFiles(file);
      // Every state the progress showed, as the page drew it.
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { progressSeen: string[] }).progressSeen = seen;
        new MutationObserver(() => {
          const shown = document.querySelector('[data-testid="import-progress"]');
          const text = shown?.textContent ?? "";
          const value = shown?.querySelector('[role="progressbar"]')?.getAttribute("aria-valuenow") ?? "";
          if (text && seen.at(-1) !== `${value}|${text}`) seen.push(`${value}|${text}`);
        }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      await page.getByRole("button", { name: "Check the file" }).click();
      const progress = page.getByTestId("import-progress");
      await expect(page.getByTestId("import-result")).toContainText(
        "Checked: 10,000 rows, 10,000 valid, 0 rejected. Nothing has been written.",
        { timeout: 60_000 },
      );
      // While the job ran, the page showed rows read grow, short of the whole file, and bytes read short
      // of the file's size (the file is read in 1 MB pieces, ahead of the rows parsed).
      const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
      const partway = seen.flatMap((entry) => {
        const shown = /Checking the file… ([\d,]+) rows read, [\d.,]+ [kM]B of [\d.,]+ [kM]B\./.exec(entry);
        const rowsRead = Number(shown?.[1]?.replaceAll(",", "") ?? "NaN");
        return rowsRead > 0 && rowsRead < 10_000 ? [{ rowsRead, percent: Number(entry.split("|")[0]) }] : [];
      });
      expect(partway.length, seen.join("\n")).toBeGreaterThan(1);
      expect(partway.at(-1)?.rowsRead, seen.join("\n")).toBeGreaterThan(partway[0]?.rowsRead ?? 0);
      expect(Math.min(...partway.map((state) => state.percent)), seen.join("\n")).toBeLessThan(100);
      await expect(progress).toContainText("10,000 rows read");
      await page.context().close();
      await rm(file);
    });

    test("search finds the zone and the commitment under their kinds' names, and the zone's result opens the map with it marked", async ({
      browser,
      baseURL,
    }) => {
      const page = await pageAs(browser, baseURL ?? "", monitorEmail);
      await page.goto(`/search?q=${encodeURIComponent("Idlib de-escalation")}`);
      const zones = page.locator('section[data-kind="zone"]');
      await expect(zones.getByRole("heading", { level: 2 })).toContainText("Zones");
      await expect(
        page.locator('section[data-kind="commitment"]').getByRole("heading", { level: 2 }),
      ).toContainText("Commitments");
      // The result's path names the process by its id; the page moves to the slug's address.
      // Another spec's process has a zone of the same name: this process's is the one naming its zone.
      await zones
        .getByRole("link", { name: "Idlib de-escalation area", exact: true })
        .and(page.locator(`a[href*="zone=${zoneId}"]`))
        .click();
      await expect(page).toHaveURL(new RegExp(`/processes/${setup.processSlug}/followup\\?zone=${zoneId}$`));
      const marked = page.getByTestId("followup-zone").filter({ hasText: "Idlib de-escalation area" });
      await expect(marked).toHaveAttribute("aria-current", "true");
      await page.context().close();
    });

    test("the map's month slider moves by keyboard and the incident list follows", async ({
      browser,
      baseURL,
    }) => {
      const page = await pageAs(browser, baseURL ?? "", monitorEmail);
      await page.goto(`/processes/${setup.processSlug}/followup?month=2025-03`);
      await expect(page.getByTestId("followup-map")).toHaveAttribute("data-ready", "true", {
        timeout: 15_000,
      });
      await expect(page.getByRole("heading", { name: "March 2025: 2 incidents" })).toBeVisible();
      const slider = page.getByRole("slider", { name: /Month/ });
      await slider.focus();
      await page.keyboard.press("ArrowRight");
      await expect(page.getByTestId("followup-month")).toHaveText("April 2025");
      await expect(page.getByRole("heading", { name: "April 2025: 1 incident" })).toBeVisible();
      await expect(page.getByTestId("followup-incident")).toHaveCount(1);
      await page.keyboard.press("ArrowLeft");
      await expect(page.getByRole("heading", { name: "March 2025: 2 incidents" })).toBeVisible();
      // Enter on an incident of the list opens its summary beside the map.
      const first = page.getByTestId("followup-incident").filter({ hasText: "Explosions/remote violence" });
      await first.getByRole("button").focus();
      await page.keyboard.press("Enter");
      await expect(first).toContainText("Synthetic: the report to dispute.");
      await expect(first.getByRole("link", { name: "Open the incident" })).toBeVisible();
      await page.screenshot({ path: path.join(shots, "followup-map-monitor.png"), fullPage: true });
      await page.context().close();
    });

    test("the monitor verifies one report and disputes another, with its reason", async ({
      browser,
      baseURL,
    }) => {
      const page = await pageAs(browser, baseURL ?? "", monitorEmail);
      const decide = async (state: string, reason = "") => {
        await page.getByLabel("Move the report to").selectOption({ label: state });
        await page.getByLabel("Reason").fill(reason);
        await page.getByRole("button", { name: "Record the decision" }).click();
      };
      await page.goto(`/processes/${setup.processSlug}/incidents/${incidentOn["2025-03-10"]}`);
      await expect(page.getByText("Reporter (monitoring team only)")).toBeVisible();
      await decide("under review");
      await expect(page.getByTestId("incident-history")).toContainText("under review");
      await decide("verified");
      await expect(page.getByTestId("incident-history")).toContainText("verified");
      await page.getByLabel("Public summary").fill("Clashes near Idlib, verified by the monitoring team.");
      await page.getByRole("button", { name: "Publish the summary" }).click();
      await expect(page.getByText(/^Tier: public$/i)).toBeVisible();
      // The ceasefire commitment covering the zone was suggested; the monitor confirms it.
      await expect(page.getByText("suggested", { exact: true })).toBeVisible();
      await page.getByRole("button", { name: "Confirm" }).click();
      await expect(page.getByText("confirmed", { exact: true })).toBeVisible();

      await page.goto(`/processes/${setup.processSlug}/incidents/${incidentOn["2025-03-20"]}`);
      await decide("under review");
      await expect(page.getByTestId("incident-history")).toContainText("under review");
      await decide("disputed");
      await expect(page.getByRole("alert")).toContainText("say why the report is disputed");
      await decide("disputed", "The sources contradict each other on the day.");
      await expect(page.getByTestId("incident-history")).toContainText(
        "The sources contradict each other on the day.",
      );
      await page.screenshot({ path: path.join(shots, "followup-incident.png"), fullPage: true });
      await page.context().close();
    });

    test("the monitor marks the ceasefire commitment breached, with evidence", async ({
      browser,
      baseURL,
    }) => {
      const page = await pageAs(browser, baseURL ?? "", monitorEmail);
      await page.goto(`/processes/${setup.processSlug}/commitments`);
      await page.getByLabel("Status", { exact: true }).selectOption({ label: "not started" });
      await page.getByRole("link", { name: "Observe the ceasefire in the Idlib de-escalation area" }).click();
      await page.getByLabel("New status").selectOption({ label: "breached" });
      await page.getByLabel("Evidence").fill("Verified clashes in the zone on 10 March 2025.");
      await page.getByRole("button", { name: "Record the status" }).click();
      await expect(page.getByText("Status recorded.")).toBeVisible();
      await expect(page.getByTestId("commitment-history")).toContainText("Verified clashes in the zone");
      await page.goto(`/processes/${setup.processSlug}/commitments`);
      const tracker = page.getByTestId("commitment-tracker");
      await expect(tracker.getByRole("row").nth(1)).toContainText("breached");
      await expect(tracker.getByRole("row").nth(1)).toContainText("further from met");
      expect(commitmentId).not.toBe("");
      await page.context().close();
    });

    test("the secretariat reads round 23's report from the round page and downloads it as CSV", async ({
      browser,
      baseURL,
    }) => {
      const page = await pageAs(browser, baseURL ?? "", setup.secretariat.email);
      await page.goto(`/rounds/${roundId}`);
      await page.getByRole("link", { name: "Since the last round: report for round 23" }).click();
      await expect(
        page.getByRole("heading", { name: "Since the last round: round 23", level: 1 }),
      ).toBeVisible();
      await expect(page.getByTestId("report-zones")).toContainText("Idlib de-escalation area");
      await expect(page.getByTestId("report-zones").getByRole("row").nth(1)).toContainText("3");
      await expect(page.getByTestId("report-changed")).toContainText("breached");
      await expect(page.getByTestId("report-breaches")).toContainText(
        "Observe the ceasefire in the Idlib de-escalation area",
      );
      const download = page.waitForEvent("download");
      await page.getByRole("link", { name: "Export (CSV)" }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe("since-last-round-23.csv");
      const csv = await (await import("node:fs/promises")).readFile((await file.path()) ?? "", "utf8");
      expect(csv).toContain("new breach");
      expect(csv).toContain("Idlib de-escalation area");
      await page.screenshot({ path: path.join(shots, "followup-report.png"), fullPage: true });
      await page.context().close();
    });

    test("a visitor sees the map drawn with nothing fetched from outside, and only the declassified incident", async ({
      browser,
      baseURL,
    }) => {
      const page = await pageAs(browser, baseURL ?? "", null);
      const origin = new URL(baseURL ?? "").origin;
      const outside: string[] = [];
      page.context().on("request", (request) => {
        const url = request.url();
        if (!url.startsWith(origin) && !url.startsWith("blob:") && !url.startsWith("data:"))
          outside.push(url);
      });
      await page.goto(`/processes/${setup.processSlug}/followup?month=2025-03`);
      await expect(page.getByTestId("followup-map")).toHaveAttribute("data-ready", "true", {
        timeout: 15_000,
      });
      const canvas = page.locator(".followup-map canvas");
      await expect(canvas).toBeVisible();
      expect((await canvas.boundingBox())?.width ?? 0).toBeGreaterThan(200);
      await expect(page.getByText("Natural Earth, public domain").first()).toBeVisible();
      await expect(page.getByRole("heading", { name: "March 2025: 1 incident" })).toBeVisible();
      const incident = page.getByTestId("followup-incident");
      await incident.getByRole("button").click();
      await expect(incident).toContainText("Clashes near Idlib, verified by the monitoring team.");
      await expect(page.getByText("Synthetic: the report to dispute.")).toHaveCount(0);
      await page.waitForTimeout(500);
      expect(outside, "requests that left the server").toEqual([]);
      await page.context().close();
    });

    test("on a phone, the map and its list fit the screen", async ({ browser, baseURL }) => {
      const page = await pageAs(browser, baseURL ?? "", null, {
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      });
      await page.goto(`/processes/${setup.processSlug}/followup?month=2025-03`);
      await expect(page.getByTestId("followup-map")).toHaveAttribute("data-ready", "true", {
        timeout: 15_000,
      });
      await expect(page.getByRole("heading", { name: "March 2025: 1 incident" })).toBeVisible();
      await expectNoHorizontalOverflow(page);
      await page.screenshot({ path: path.join(shots, "followup-map-phone.png"), fullPage: true });
      await page.context().close();
    });

    test("in Arabic, the map page reads right to left", async ({ browser, baseURL }) => {
      const page = await pageAs(browser, baseURL ?? "", null);
      await page.goto("/api/health");
      await page.evaluate(() => window.localStorage.setItem("astana.locale", "ar"));
      await page.goto(`/processes/${setup.processSlug}/followup?month=2025-03`);
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      await expect(page.getByRole("heading", { name: "المناطق والحوادث", level: 1 })).toBeVisible();
      await expect(page.getByTestId("followup-map")).toHaveAttribute("data-ready", "true", {
        timeout: 15_000,
      });
      await expect(page.getByText("إدلب").first()).toBeVisible();
      await expectNoHorizontalOverflow(page);
      await page.screenshot({ path: path.join(shots, "followup-map-ar.png"), fullPage: true });
      await page.goto(`/processes/${setup.processSlug}/followup/charts`);
      await expect(page.getByTestId("followup-chart-table")).toBeVisible();
      await page.screenshot({ path: path.join(shots, "followup-charts-ar.png"), fullPage: true });
      await page.context().close();
    });
  });
