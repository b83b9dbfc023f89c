import { expect, type Page, test } from "@playwright/test";
import { expectNoHorizontalOverflow } from "./helpers.ts";

// Runs in the "demo" project (DEMO=on). A de-escalation zone's page, as the public reads it: from the
// map's list of zones, the Idlib zone's area, memorandum, start, term and its extension rule, its sources,
// what became of it with dates and sources, and what the sources dispute about it, each conflict by kind
// with every value's sources; in Arabic on a phone, right to left and without sideways scrolling.

async function readIn(page: Page, locale: "en" | "ar") {
  await page.addInitScript((chosen) => window.localStorage.setItem("astana.locale", chosen), locale);
}

test("the public opens a zone from the map's list and reads its term, sourced history and disputed points", async ({
  page,
}) => {
  await readIn(page, "en");
  await page.goto("/processes/astana/followup?month=2018-04");
  const ghouta = page.getByTestId("followup-zone").filter({ hasText: "Eastern Ghouta" });
  await ghouta.getByTestId("followup-zone-page").click();
  await expect(page).toHaveURL(/\/processes\/astana\/zones\/demo-zone-eastern-ghouta$/);
  await expect(
    page.getByRole("heading", { level: 1, name: "Eastern Ghouta de-escalation area" }),
  ).toBeVisible();
  const facts = page.getByTestId("zone-facts");
  await expect(facts).toContainText("Memorandum on the Creation of De-escalation Areas");
  await expect(facts).toContainText("6 months, extended automatically on the guarantors' consensus");
  await expect(page.getByText("approximate outline")).toBeVisible();
  const history = page.getByTestId("zone-history");
  await expect(history.getByRole("row")).toHaveCount(3);
  await expect(history.getByRole("row").last()).toContainText("retaken");
  await expect(
    history.getByRole("row").last().getByRole("link", { name: "Eastern Ghouta falls to Syrian regime" }),
  ).toHaveAttribute("href", "http://preciouskashmir.com/2018/04/12/eastern-ghouta-falls-to-syrian-regime/");
  // Its single-source figure, and the memorandum's own disputed deadlines, each with its kind.
  const conflicts = page.getByTestId("zone-conflicts");
  const cards = conflicts.getByRole("article");
  await expect(cards).toHaveCount(4);
  const aboutZone = cards.filter({ hasText: "about this zone" });
  await expect(aboutZone).toHaveCount(1);
  await expect(aboutZone.locator('[data-kind="single_source"]').first()).toBeVisible();
  const aboutMemorandum = cards.filter({ hasText: "about the memorandum" });
  await expect(aboutMemorandum).toHaveCount(3);
  await expect(
    aboutMemorandum.locator('span[data-kind="disagreement"], div[data-kind="disagreement"]').first(),
  ).toBeVisible();
  await page.getByRole("link", { name: "Its incidents on the map" }).click();
  await expect(page).toHaveURL(/followup\?zone=demo-zone-eastern-ghouta/);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("an Arabic reader reads the Idlib zone right to left, with no sideways scrolling", async ({
    page,
  }) => {
    await readIn(page, "ar");
    await page.goto("/processes/astana/zones/demo-zone-idlib");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByTestId("zone-facts")).toContainText("تُمدَّد تلقائيًا بتوافق الدول الضامنة");
    await expect(page.getByTestId("zone-conflicts").getByText("عن هذه المنطقة")).toHaveCount(3);
    await expectNoHorizontalOverflow(page);
  });
});
