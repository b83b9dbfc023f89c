import path from "node:path";
import { expect, test } from "@playwright/test";
import { acledFile, header, row, setUpMonitoring } from "./followup-setup.ts";
import { axeViolations, expectNoHorizontalOverflow } from "./helpers.ts";
import { newSlugs, originHeaders, pageAs, post, type Setup, setUp, shots } from "./secretariat-setup.ts";

// The follow-up map's tools: the secretariat draws a zone (on the map with the mouse, and point by point
// with the keyboard), sees the server refuse an outline that crosses itself, and saves one; `?zone=`
// shows one zone's incidents; the public sees the declassified incident at a rounded place with the
// legend saying so; the secretariat records a zone's fate and reports an incident; the monitor cancels an
// import while it runs and reads the rejected rows in Arabic. Zones from a GeoJSON file: followup-zone-import.spec.ts.

const slugOf = newSlugs("fd");

test.describe
  .serial("the follow-up map's tools", () => {
    let setup: Setup;
    let monitorEmail = "";
    let zoneId = "";

    test.beforeAll(async ({ browser, baseURL }) => {
      const base = baseURL ?? "";
      setup = await setUp(browser, base, slugOf);
      ({ monitorEmail, zoneId } = await setUpMonitoring(browser, base, setup, slugOf));
      const monitor = await pageAs(browser, base, monitorEmail);
      const imported = await monitor.request.post(
        `/api/processes/${setup.processSlug}/incidents/import-acled?dryRun=false`,
        { data: acledFile, headers: { ...originHeaders(base), "content-type": "text/csv" } },
      );
      expect(imported.status(), await imported.text()).toBe(200);
      const listed = (await (
        await monitor.request.get(`/api/processes/${setup.processSlug}/incidents`)
      ).json()) as { items: { id: string; occurredOn: string }[] };
      const verified = listed.items.find((item) => item.occurredOn === "2025-03-10")?.id ?? "";
      await post(
        monitor.request,
        base,
        `/api/incidents/${verified}/verification`,
        { state: "under_review" },
        200,
      );
      await post(
        monitor.request,
        base,
        `/api/incidents/${verified}/verification`,
        { state: "verified" },
        200,
      );
      await post(
        monitor.request,
        base,
        `/api/incidents/${verified}/declassify`,
        { summary: "Clashes near Idlib, verified by the monitoring team." },
        200,
      );
      await monitor.context().close();
    });

    test("the secretariat draws a zone: map clicks add points, typed points are listed, a crossing outline is refused, a triangle saved", async ({
      browser,
      baseURL,
    }) => {
      const page = await pageAs(browser, baseURL ?? "", setup.secretariat.email);
      await page.goto(`/processes/${setup.processSlug}/followup?month=2025-03`);
      const map = page.getByTestId("followup-map");
      await expect(map).toHaveAttribute("data-ready", "true", { timeout: 15_000 });
      await page.getByTestId("zone-draw-start").click();
      const panel = page.getByTestId("zone-draw");
      // With the mouse: three clicks on the map, three points listed.
      const box = await map.boundingBox();
      if (!box) throw new Error("no map");
      for (const [x, y] of [
        [0.4, 0.4],
        [0.6, 0.4],
        [0.5, 0.6],
      ] as const)
        await page.mouse.click(box.x + box.width * x, box.y + box.height * y);
      await expect(panel.getByTestId("zone-draw-point")).toHaveCount(3);
      await panel.getByRole("button", { name: "Undo the last point" }).click();
      await expect(panel.getByTestId("zone-draw-point")).toHaveCount(2);
      await panel.getByRole("button", { name: "Cancel" }).click();
      await expect(panel).toHaveCount(0);

      // With the keyboard: four typed points that make a bow tie.
      await page.getByTestId("zone-draw-start").focus();
      await page.keyboard.press("Enter");
      const add = async (lon: string, lat: string) => {
        await panel.getByRole("textbox", { name: "Longitude", exact: true }).fill(lon);
        await panel.getByRole("textbox", { name: "Latitude", exact: true }).fill(lat);
        await panel.getByRole("textbox", { name: "Latitude", exact: true }).press("Enter");
      };
      await add("38.2", "35.5");
      await add("39.0", "36.3");
      await add("39,0", "35.5");
      await add("38.2", "36.3");
      await expect(panel.getByTestId("zone-draw-point")).toHaveCount(4);
      await panel.getByRole("textbox", { name: "Name" }).fill("Drawn test zone");
      await panel.getByRole("textbox", { name: /Start date/ }).fill("2018-01-01");
      await panel.getByTestId("zone-draw-save").click();
      await expect(page.getByTestId("zone-draw-error")).toContainText("crosses itself");
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(shots, "followup-draw-refused.png"), fullPage: true });
      // Removing the second point leaves a triangle, which is saved.
      await panel.getByRole("button", { name: "Remove point 2" }).click();
      await expect(panel.getByTestId("zone-draw-point")).toHaveCount(3);
      await panel.getByTestId("zone-draw-save").click();
      await expect(page.getByText("Zone Drawn test zone saved.")).toBeVisible();
      await expect(page.getByTestId("followup-zone").filter({ hasText: "Drawn test zone" })).toBeVisible();
      const zones = (await (await page.request.get(`/api/processes/${setup.processSlug}/zones`)).json()) as {
        items: { name: string; geometry: { coordinates: number[][][] } }[];
      };
      expect(zones.items.find((zone) => zone.name === "Drawn test zone")?.geometry.coordinates[0]).toEqual([
        [38.2, 35.5],
        [39, 35.5],
        [38.2, 36.3],
        [38.2, 35.5],
      ]);
      await page.context().close();
    });

    test("in Arabic, the drawing panel reads right to left and passes axe; on a phone it fits", async ({
      browser,
      baseURL,
    }) => {
      const page = await pageAs(browser, baseURL ?? "", setup.secretariat.email, {
        viewport: { width: 390, height: 844 },
      });
      await page.goto("/api/health");
      await page.evaluate(() => window.localStorage.setItem("astana.locale", "ar"));
      await page.goto(`/processes/${setup.processSlug}/followup?month=2025-03`);
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      await page.getByTestId("zone-draw-start").click();
      const panel = page.getByTestId("zone-draw");
      await panel.getByRole("textbox", { name: "خط الطول", exact: true }).fill("36.5");
      await panel.getByRole("textbox", { name: "خط العرض", exact: true }).fill("35.5");
      await panel.getByRole("button", { name: "إضافة النقطة" }).click();
      await expect(panel.getByTestId("zone-draw-point")).toHaveCount(1);
      await expect(panel.getByRole("button", { name: "حذف النقطة 1" })).toBeVisible();
      // The panel (the whole page passes in English at 1280 px above).
      expect(await axeViolations(page, '[data-testid="zone-draw"]')).toEqual([]);
      await expectNoHorizontalOverflow(page);
      await page.screenshot({ path: path.join(shots, "followup-draw-ar-phone.png"), fullPage: true });
      await page.context().close();
    });

    test("?zone= shows one zone's incidents, and the zone's link turns it off", async ({
      browser,
      baseURL,
    }) => {
      const page = await pageAs(browser, baseURL ?? "", monitorEmail);
      await page.goto(`/processes/${setup.processSlug}/followup?month=2025-03&zone=${zoneId}`);
      await expect(page.getByTestId("followup-zone-filter")).toContainText(
        "Incidents of Idlib de-escalation area only.",
      );
      await expect(page.getByRole("heading", { name: "March 2025: 2 incidents" })).toBeVisible();
      await page.getByRole("link", { name: "Show every zone" }).click();
      await expect(page.getByTestId("followup-zone-filter")).toHaveCount(0);
      await expect(page).not.toHaveURL(/zone=/);
      // The drawn zone has no incident: its filter lists none.
      await page.getByRole("link", { name: "Show only the incidents of Drawn test zone" }).click();
      await expect(page.getByRole("heading", { name: "March 2025: 0 incidents" })).toBeVisible();
      await page.context().close();
    });

    test("the public sees the declassified incident at a rounded place, and the legend says so", async ({
      browser,
      baseURL,
    }) => {
      const page = await pageAs(browser, baseURL ?? "", null, { viewport: { width: 390, height: 844 } });
      await page.goto(`/processes/${setup.processSlug}/followup?month=2025-03`);
      await expect(page.getByTestId("followup-map")).toHaveAttribute("data-ready", "true", {
        timeout: 15_000,
      });
      await expect(page.getByTestId("followup-legend-coarse")).toContainText("rounded to 0.1°");
      await expect(page.getByText(/no place you may see/)).toHaveCount(0);
      const incident = page.getByTestId("followup-incident");
      await incident.getByRole("button").click();
      await expect(incident).toContainText("Drawn at a rounded place (to 0.1°)");
      await expect(page.getByTestId("zone-draw-start")).toHaveCount(0);
      await expectNoHorizontalOverflow(page);
      await page.context().close();
    });

    test("the secretariat records on the zone's page what became of it; the public reads it with its source", async ({
      browser,
      baseURL,
    }) => {
      const page = await pageAs(browser, baseURL ?? "", setup.secretariat.email);
      await page.goto(`/processes/${setup.processSlug}/followup?month=2025-03`);
      await page
        .getByTestId("followup-zone")
        .filter({ hasText: "Idlib de-escalation area" })
        .getByTestId("followup-zone-page")
        .click();
      await expect(page.getByRole("heading", { level: 1, name: "Idlib de-escalation area" })).toBeVisible();
      const form = page.getByTestId("zone-record");
      await form.getByLabel("Status").selectOption("partly_seized");
      await form.getByLabel("From (YYYY-MM-DD)").fill("2025-02-30");
      await form.getByRole("button", { name: "Record the status" }).click();
      await expect(form.getByRole("alert")).toBeVisible();
      await form.getByLabel("From (YYYY-MM-DD)").fill("2025-02-01");
      await form.getByLabel("Note").fill("Synthetic: the southern part taken.");
      await form.getByLabel("Source address (optional)").fill("https://example.org/synthetic/zone-note");
      await form.getByRole("button", { name: "Record the status" }).click();
      await expect(form.getByRole("status")).toHaveText("Recorded.");
      const history = page.getByTestId("zone-history");
      await expect(history.getByRole("row")).toHaveCount(3);
      await page.context().close();

      const reader = await pageAs(browser, baseURL ?? "", null);
      await reader.goto(`/processes/${setup.processSlug}/zones/${zoneId}`);
      const row = reader.getByTestId("zone-history").getByRole("row").last();
      await expect(row).toContainText("partly seized");
      await expect(row).toContainText("Synthetic: the southern part taken.");
      await expect(row.getByRole("link")).toHaveAttribute("href", "https://example.org/synthetic/zone-note");
      await expect(reader.getByTestId("zone-record")).toHaveCount(0);
      await reader.context().close();
    });

    test("the secretariat reports an incident by hand; the reporter it names is the monitors' alone", async ({
      browser,
      baseURL,
    }) => {
      const page = await pageAs(browser, baseURL ?? "", setup.secretariat.email);
      await page.goto(`/processes/${setup.processSlug}/followup?month=2025-03`);
      await page.getByRole("link", { name: "Report an incident" }).click();
      const form = page.getByTestId("incident-report-form");
      await form.getByLabel(/^Day \(YYYY-MM-DD\)/).fill("2025-03-14");
      await form.getByLabel(/^Latitude/).fill("35.92");
      await form.getByLabel(/^Longitude/).fill("36.64");
      await form.getByLabel("Type", { exact: true }).selectOption("Explosions/Remote violence");
      await form.getByLabel("Fatalities").fill("2");
      await form.getByLabel("Notes", { exact: true }).fill("Synthetic: shelling reported by hand.");
      await form.getByLabel("Reported by").fill("Synthetic informant R.");
      await form.getByRole("button", { name: "Report the incident" }).click();
      await expect(page).toHaveURL(/\/incidents\/[^/]+$/);
      await expect(page.getByText("reported", { exact: true }).first()).toBeVisible();
      await expect(page.getByRole("main")).toContainText("Idlib de-escalation area");
      await expect(page.getByRole("main")).not.toContainText("Synthetic informant R.");
      const incidentPath = new URL(page.url()).pathname;
      await page.context().close();
      const monitor = await pageAs(browser, baseURL ?? "", monitorEmail);
      await monitor.goto(incidentPath);
      await expect(monitor.getByRole("main")).toContainText("Synthetic informant R.");
      await monitor.context().close();
    });

    // The test server holds an import only when a request asks (header x-astana-test-hold, honoured
    // because serve.ts names followup.import in ASTANA_TEST_HOLD_JOBS): here the page's uploads ask for
    // a 20 s hold before the work, which a cancel ends at once, so Cancel is clicked on a running job.
    test("the monitor cancels a running check, then the import of the valid rows; nothing is written", async ({
      browser,
      baseURL,
    }) => {
      test.setTimeout(90_000);
      const rows = [
        row("SYR-CANCEL-1", "2025-05-02", "Battles", 35.93, "Synthetic: an import to cancel."),
        row("SYR-CANCEL-2", "2025-05-03", "Battles", 35.9, "Synthetic: an import to cancel."),
      ];
      const file = [header.join(","), ...rows].join("\r\n");
      const page = await pageAs(browser, baseURL ?? "", monitorEmail);
      let hold = "start=20000";
      await page.route("**/incidents/imports?*", (route) =>
        route.continue({ headers: { ...route.request().headers(), "x-astana-test-hold": hold } }),
      );
      await page.goto(`/processes/${setup.processSlug}/followup/import`);
      await page
        .locator('input[type="file"]')
        .setInputFiles({ name: "acled-cancel.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
      await page.getByRole("button", { name: "Check the file" }).click();
      await page.getByRole("button", { name: "Cancel the import" }).click();
      await expect(
        page.getByRole("alert").filter({ hasText: "stopped before it finished; nothing was written" }),
      ).toBeVisible();
      await expect(page.getByRole("button", { name: "Cancel the import" })).toHaveCount(0);
      await expect(page.getByTestId("import-result")).toHaveCount(0);

      // Checked again to the end (not held), then the import of its valid rows is cancelled while it runs.
      hold = "start=0";
      await page.getByRole("button", { name: "Check the file" }).click();
      await expect(page.getByTestId("import-result")).toContainText("Checked: 2 rows, 2 valid, 0 rejected.", {
        timeout: 30_000,
      });
      hold = "start=20000";
      await page.getByRole("button", { name: "Import the 2 valid rows" }).click();
      await page.getByRole("button", { name: "Cancel the import" }).click();
      await expect(
        page.getByRole("alert").filter({ hasText: "stopped before it finished; nothing was written" }),
      ).toBeVisible();
      await expect(page.getByRole("button", { name: "Cancel the import" })).toHaveCount(0);
      await expect(page.getByTestId("import-result")).not.toContainText("Imported");
      const listed = (await (
        await page.request.get(`/api/processes/${setup.processSlug}/incidents?from=2025-05-01&to=2025-05-31`)
      ).json()) as { items: unknown[]; total: number };
      expect(listed.total).toBe(0);
      await page.context().close();
    });
    test("an Arabic monitor on a phone reads the rejected rows' reasons in Arabic, right to left", async ({
      browser,
      baseURL,
    }) => {
      test.setTimeout(90_000);
      const page = await pageAs(browser, baseURL ?? "", monitorEmail, {
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      });
      await page.addInitScript(() => window.localStorage.setItem("astana.locale", "ar"));
      await page.goto(`/processes/${setup.processSlug}/followup/import`);
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      await page
        .locator('input[type="file"]')
        .setInputFiles({ name: "acled-syria.csv", mimeType: "text/csv", buffer: Buffer.from(acledFile) });
      await page.getByRole("button", { name: "فحص الملف" }).click();
      const rejected = page.getByTestId("import-rejected");
      await expect(rejected).toContainText("SYR-E2E-4", { timeout: 30_000 });
      await expect(rejected).toContainText("خط العرض في");
      await expect(rejected).toContainText("خارج النطاق");
      await expect(rejected).not.toContainText("out of range");
      await expectNoHorizontalOverflow(page);
      await page.context().close();
    });
  });
