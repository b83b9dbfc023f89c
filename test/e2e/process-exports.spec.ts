import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { closeSetup } from "./helpers.ts";

// Runs in the "demo" project: a researcher exports, cites and prints the Astana record.

const processName = "International Meetings on Syria in the Astana format";

test.beforeAll(async ({ request, baseURL }) => {
  const origin = new URL(baseURL ?? "").origin;
  await closeSetup(request, origin);
});

async function openRound22(page: Page) {
  const rounds = await (await page.request.get("/api/processes/astana/rounds")).json();
  const round = rounds.items.find((item: { number: number }) => item.number === 22);
  await page.goto(`/rounds/${round.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Round 22" })).toBeVisible();
  return round.id as string;
}

test("the export menu downloads the rounds as CSV, by keyboard", async ({ page }) => {
  await page.goto("/processes/astana");
  await expect(page.getByRole("heading", { level: 1, name: processName })).toBeVisible();
  const menuButton = page.getByTestId("export-menu");
  await menuButton.focus();
  await page.keyboard.press("Enter");
  const item = page.getByRole("menuitem", { name: "Rounds", exact: true });
  await expect(item).toBeVisible();
  await expect(page.getByRole("menuitem", { name: /BibTeX/ })).toBeVisible();
  const downloading = page.waitForEvent("download");
  await item.focus();
  await page.keyboard.press("Enter");
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^astana-rounds-\d{4}-\d\d-\d\d\.csv$/);
  const body = readFileSync(await download.path(), "utf8");
  expect(body.charCodeAt(0)).toBe(0xfeff);
  expect(body.split("\r\n")[0]).toContain('"round","name","status"');
  expect(body.split("\r\n").length).toBeGreaterThan(22);
});

test("the menu speaks the reader's language and exports names in it", async ({ page }) => {
  await page.addInitScript(() => window.localStorage.setItem("astana.locale", "ar"));
  await page.goto("/processes/astana");
  await page.getByRole("button", { name: "تصدير / استشهاد" }).click();
  const item = page.getByRole("menuitem", { name: "مصفوفة الحضور" });
  await expect(item).toHaveAttribute("href", /attendance\.csv\?lang=ar$/);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "تصدير / استشهاد" })).toBeFocused();
});

test("a round's record prints without navigation, with the sources' addresses and a Print button", async ({
  page,
}) => {
  await openRound22(page);
  await expect(page.getByTestId("print-button")).toBeVisible();
  await expect(page.locator("#main-navigation")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("#main-navigation")).toBeHidden();
  await expect(page.locator(".mantine-AppShell-header")).toBeHidden();
  await expect(page.getByTestId("export-menu")).toBeHidden();
  await expect(page.getByTestId("print-button")).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "Round 22" })).toBeVisible();
  const sources = page.locator("#sources").getByTestId("source");
  await expect.poll(() => sources.count()).toBeGreaterThan(3);
  const firstLink = sources.first().locator("a.source-title");
  const shown = await firstLink.evaluate((link) => getComputedStyle(link, "::after").content);
  expect(shown).toContain(await firstLink.getAttribute("href"));
  await page.emulateMedia({ media: "screen" });
  await expect(page.locator("#main-navigation")).toBeVisible();
});

test("the timeline page fits A4 on paper, portrait and landscape", async ({ page }) => {
  await page.goto("/processes/astana/timeline");
  await expect(page.getByTestId("timeline")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  // A4 at 96 dpi less the page's margins: 186 mm × 269 mm portrait.
  for (const size of [
    { width: 703, height: 1016 },
    { width: 1032, height: 688 },
  ]) {
    await page.setViewportSize(size);
    const box = await page.locator(".timeline-svg").boundingBox();
    if (!box) throw new Error("the timeline picture is not displayed");
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `fits ${size.width}px`).toBeLessThanOrEqual(size.width + 1);
    expect(box.width).toBeGreaterThan(size.width * 0.8);
  }
  // The timeline's table, folded on screen, is opened while printing and folded again afterwards.
  const table = page.locator("details.disclosure");
  await expect(table).not.toHaveAttribute("open");
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await expect(table).toHaveAttribute("open");
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.length).toBeGreaterThan(10_000);
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await expect(table).not.toHaveAttribute("open");
});
