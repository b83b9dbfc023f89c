import { expect, type Page, test } from "@playwright/test";

/** Opens the app in a language as a reader who chose it before (the choice this browser remembers). */
async function readIn(page: Page, locale: "ru" | "ar") {
  await page.addInitScript((chosen) => window.localStorage.setItem("astana.locale", chosen), locale);
}

test("a Russian reader reads round 1 with Russian names, and English facts marked as English", async ({
  page,
}) => {
  await readIn(page, "ru");
  await page.goto("/rounds/demo-round-01");
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  const city = page.getByTestId("round-city").locator("span[lang]").first();
  await expect(city).toHaveText("Астана");
  await expect(city).toHaveAttribute("lang", "ru");
  await expect(page.getByTestId("round-participant").getByText("Россия", { exact: true })).toBeVisible();
  await expect(page.getByText("Александр Лаврентьев").first()).toBeVisible();
  // An outcome the record has only in English: shown in English, with lang="en" and a visible tag.
  const fact = page.getByTestId("fact").first();
  await expect(fact.locator('span[lang="en"][data-fallback="true"]')).toBeVisible();
  await expect(fact.getByText("на английском")).toBeVisible();
  // Dates in Russian form.
  await expect(page.getByTestId("round-dates")).toContainText("янв");
});

test("an Arabic reader reads round 13 in Nur-Sultan with Arabic names, and English facts marked", async ({
  page,
}) => {
  await readIn(page, "ar");
  await page.goto("/rounds/demo-round-13");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const city = page.getByTestId("round-city").locator("span[lang]").first();
  await expect(city).toHaveText("نور سلطان");
  await expect(city).toHaveAttribute("lang", "ar");
  await expect(page.getByTestId("round-participant").getByText("روسيا", { exact: true })).toBeVisible();
  const fact = page.getByTestId("fact").first();
  await expect(fact.locator('span[lang="en"][data-fallback="true"]')).toBeVisible();
  await expect(fact.getByText("بالإنجليزية")).toBeVisible();
  // Arabic month names, Western digits, as everywhere else on the page.
  await expect(page.getByTestId("round-dates")).toContainText("2019");
  await expect(page.getByTestId("round-dates")).not.toContainText("٢");
});

test("switching the language fetches the record's texts again in the new language", async ({ page }) => {
  await page.goto("/rounds/demo-round-01");
  const city = page.getByTestId("round-city").locator("span[lang]").first();
  await expect(city).toHaveText("Astana");
  await page.getByTestId("language-switcher").click();
  await page.getByRole("menuitem", { name: "Русский" }).click();
  await expect(city).toHaveText("Астана");
  await expect(city).toHaveAttribute("lang", "ru");
});
