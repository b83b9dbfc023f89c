import { expect, type Page, test } from "@playwright/test";
import { expectNoHorizontalOverflow } from "./helpers.ts";

// Runs in the "demo" project (the demonstration record): a reader searches the record from the header,
// in Arabic spelled without hamza and in Russian with another ending, and finds the words marked.

async function chooseLanguage(page: Page, name: string) {
  await page.getByTestId("language-switcher").click();
  await page.getByRole("menuitem", { name }).click();
}

async function searchFromHeader(page: Page, text: string) {
  const box = page.getByTestId("header-search");
  await box.fill(text);
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
}

test("Arabic: a word typed without hamza finds the Arabic source, its spelling marked as written", async ({
  page,
}) => {
  await page.goto("/");
  await chooseLanguage(page, "العربية");
  await searchFromHeader(page, "استانا");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("استانا");
  const sources = page.locator('section[data-kind="source"]');
  await expect(sources.getByRole("heading", { name: /المصادر/ })).toBeVisible();
  const marked = sources.locator('[lang="ar"] mark', { hasText: "أستانا" }).first();
  await expect(marked).toBeVisible();
  // With the hamza too, the same source.
  await searchFromHeader(page, "أستانا");
  await expect(
    page.locator('section[data-kind="source"] [lang="ar"] mark', { hasText: "أستانا" }).first(),
  ).toBeVisible();
});

test("Russian: another form of the word finds the Russian source; the kind filter narrows by keyboard", async ({
  page,
}) => {
  await page.goto("/");
  await chooseLanguage(page, "Русский");
  await searchFromHeader(page, "переговоры");
  const sources = page.locator('section[data-kind="source"]');
  await expect(sources.getByRole("heading", { name: /Источники/ })).toBeVisible();
  await expect(sources.locator('[lang="ru"] mark', { hasText: "переговорах" }).first()).toBeVisible();

  // The kind filter and the results are reachable and usable from the keyboard.
  const kind = page.getByLabel("Вид");
  await kind.focus();
  await kind.selectOption("source");
  await expect(page).toHaveURL(/kind=source/);
  await expect(page.locator("section[data-kind]")).toHaveCount(1);
  const firstResult = sources.getByRole("link").first();
  await firstResult.focus();
  await expect(firstResult).toBeFocused();
});

test("on a phone the header offers a search button; the results page fits the screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  await page.getByRole("link", { name: "Search the record" }).click();
  await expect(page).toHaveURL(/\/search$/);
  const input = page.getByTestId("search-page-input");
  await input.fill("Sochi");
  await input.press("Enter");
  await expect(page.getByTestId("search-results")).toBeVisible();
  await expect(page.locator('section[data-kind="round"] mark', { hasText: "Sochi" }).first()).toBeVisible();
  await expectNoHorizontalOverflow(page);
});
