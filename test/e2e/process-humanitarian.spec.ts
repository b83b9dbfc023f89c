import { expect, type Page, test } from "@playwright/test";
import { expectNoHorizontalOverflow } from "./helpers.ts";

// The public reader of the humanitarian working group, on the demonstration record (the seven exchanges of
// 2018–2022): every exchange in the table, the one the sources date only to a month included; the numbers
// and the sides in the reader's language; what the sources disagree on shown, in English and marked so.

async function readIn(page: Page, locale: "ru" | "ar") {
  await page.addInitScript((chosen) => window.localStorage.setItem("astana.locale", chosen), locale);
}

test("a Russian reader finds all seven exchanges, the undated one in its place, with Russian sides and numbers", async ({
  page,
}) => {
  await readIn(page, "ru");
  await page.goto("/processes/astana/humanitarian");
  const rows = page.getByTestId("timeline-row");
  await expect(rows).toHaveCount(7);
  // The third exchange (April 2019, no day in the sources) comes between February and July 2019.
  await expect(rows.nth(2)).toContainText("April 2019");
  await expect(rows.nth(1)).toContainText("2019-02-12");
  await expect(rows.nth(3)).toContainText("2019-07-31");
  await expect(rows.first()).toContainText(
    "Сирийское правительство: 10; Сирийская вооружённая оппозиция: 10",
  );
  await expect(page.getByRole("img", { name: /не указывают день/ })).toBeVisible();
  await page.goto("/processes/astana/humanitarian/exchanges");
  const first = page.getByTestId("exchange-row").first();
  await expect(first).toContainText("10 на 10");
  await expect(page.getByTestId("exchange-row").nth(2)).toContainText("April 2019");
  await expect(page.locator("main")).not.toContainText(/\d+ for \d+/);
});

test("an Arabic reader on a phone reads what the sources disagree on about an exchange, marked as English", async ({
  browser,
}) => {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    viewport: { width: 390, height: 844 },
  });
  const page = await context.newPage();
  await readIn(page, "ar");
  await page.goto("/humanitarian/exchanges/demo-exchange-02");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByText("20 مقابل 20")).toBeVisible();
  await expect(page.getByText(/الحكومة السورية: يُفرج عن 20/)).toBeVisible();
  const doubts = page.getByTestId("exchange-conflicts");
  await expect(doubts.locator("li")).toHaveCount(2);
  await expect(doubts.locator('[lang="en"][data-fallback="true"]').first()).toContainText("TRT French");
  await expectNoHorizontalOverflow(page);
  await context.close();
});
