import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { axeViolations, expectNoHorizontalOverflow } from "./helpers.ts";
import { newSlugs, pageAs, type Setup, setUp, shots } from "./secretariat-setup.ts";

// Zones from a GeoJSON file, on the follow-up map page: the file is checked first (zones to create and
// update, each refused feature with its reason in the reader's language), nothing is written while a
// feature is refused, then the valid file is imported by keyboard; in Arabic on a phone it fits.

const slugOf = newSlugs("fz");

/** Two GeoJSON files: one valid feature and one whose outline crosses itself; and the valid one alone. */
async function zoneFiles(directory: string): Promise<{ mixed: string; valid: string }> {
  const zone = (name: string, ring: number[][]) => ({
    type: "Feature",
    properties: { name, startDate: "2019-01-01", approximate: true },
    geometry: { type: "Polygon", coordinates: [ring] },
  });
  const valid = zone("Imported test zone", [
    [37, 35],
    [37.4, 35],
    [37.4, 35.4],
    [37, 35.4],
    [37, 35],
  ]);
  const crossed = zone("Crossed test zone", [
    [38, 35],
    [38.4, 35.4],
    [38.4, 35],
    [38, 35.4],
    [38, 35],
  ]);
  await mkdir(directory, { recursive: true });
  const files = {
    mixed: path.join(directory, "mixed.geojson"),
    valid: path.join(directory, "valid.geojson"),
  };
  await writeFile(files.mixed, JSON.stringify({ type: "FeatureCollection", features: [valid, crossed] }));
  await writeFile(files.valid, JSON.stringify({ type: "FeatureCollection", features: [valid] }));
  return files;
}

test.describe
  .serial("zones imported from a GeoJSON file", () => {
    let setup: Setup;

    test.beforeAll(async ({ browser, baseURL }) => {
      setup = await setUp(browser, baseURL ?? "", slugOf);
    });

    test("the secretariat imports zones from a GeoJSON file: checked first, a crossing outline refused and nothing written, then the valid one imported by keyboard", async ({
      browser,
      baseURL,
    }, testInfo) => {
      const files = await zoneFiles(testInfo.outputPath("zones"));
      const page = await pageAs(browser, baseURL ?? "", setup.secretariat.email);
      await page.goto(`/processes/${setup.processSlug}/followup?month=2025-03`);
      const panel = page.getByTestId("zone-import");
      await panel.locator('input[type="file"]').setInputFiles(files.mixed);
      await panel.getByRole("button", { name: "Check the file" }).click();
      const report = panel.getByTestId("zone-import-report");
      await expect(report).toContainText("Checked, nothing written: 1 to create, 0 to update, 1 refused.");
      await expect(report).toContainText("Imported test zone");
      const refused = panel.getByTestId("zone-import-refused");
      await expect(refused).toContainText("Crossed test zone");
      await expect(refused).toContainText("the outline crosses itself (ring 1, edges 1 and 3)");
      await expect(panel).toContainText("Nothing is imported while a feature is refused");
      await expect(panel.getByRole("button", { name: /^Import the/ })).toHaveCount(0);
      expect(await axeViolations(page, '[data-testid="zone-import"]')).toEqual([]);
      await page.screenshot({ path: path.join(shots, "followup-zone-import-refused.png"), fullPage: true });
      const zoneNames = async () =>
        (
          (await (await page.request.get(`/api/processes/${setup.processSlug}/zones`)).json()) as {
            items: { name: string }[];
          }
        ).items.map((zone) => zone.name);
      expect(await zoneNames()).not.toContain("Imported test zone");

      // The valid feature alone: checked and imported with the keyboard.
      await panel.locator('input[type="file"]').setInputFiles(files.valid);
      await panel.getByRole("button", { name: "Check the file" }).focus();
      await page.keyboard.press("Enter");
      await expect(report).toContainText("Checked, nothing written: 1 to create, 0 to update, 0 refused.");
      await panel.getByRole("button", { name: "Import the 1 zone" }).focus();
      await page.keyboard.press("Enter");
      await expect(report).toContainText("Imported: 1 created, 0 updated.");
      await expect(page.getByTestId("followup-zone").filter({ hasText: "Imported test zone" })).toBeVisible();
      expect((await zoneNames()).filter((name) => name === "Imported test zone")).toHaveLength(1);
      expect(await zoneNames()).not.toContain("Crossed test zone");
      await page.context().close();
    });

    test("in Arabic on a phone, the zone import words a refused feature in Arabic and fits", async ({
      browser,
      baseURL,
    }, testInfo) => {
      const files = await zoneFiles(testInfo.outputPath("zones"));
      const page = await pageAs(browser, baseURL ?? "", setup.secretariat.email, {
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      });
      await page.addInitScript(() => window.localStorage.setItem("astana.locale", "ar"));
      await page.goto(`/processes/${setup.processSlug}/followup?month=2025-03`);
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      const panel = page.getByTestId("zone-import");
      await panel.locator('input[type="file"]').setInputFiles(files.mixed);
      await panel.getByRole("button", { name: "فحص الملف" }).click();
      const refused = panel.getByTestId("zone-import-refused");
      await expect(refused).toContainText("الحدود تتقاطع مع نفسها");
      await expect(refused).not.toContainText("crosses itself");
      expect(await axeViolations(page, '[data-testid="zone-import"]')).toEqual([]);
      await expectNoHorizontalOverflow(page);
      await page.screenshot({ path: path.join(shots, "followup-zone-import-ar-phone.png"), fullPage: true });
      await page.context().close();
    });
  });
