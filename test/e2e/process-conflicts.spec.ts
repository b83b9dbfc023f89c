import { expect, type Page, test } from "@playwright/test";
import { closeSetup } from "./helpers.ts";

// Runs in the "demo" project (DEMO=on). No conflict settled silently: a reader, in English and in
// Arabic, finds the marks of disputed values on the timeline, in the attendance matrix, on round 22
// and on the United States' role line, and opens them to see each value with its sources.

test.beforeAll(async ({ request, baseURL }) => {
  await closeSetup(request, new URL(baseURL ?? "").origin);
});

const words = {
  en: {
    notFound: "not found in the sources",
    disputed: "disputed in the record",
    fallOfAssad: /Fall of the Assad government/,
  },
  // The milestone's title has its Arabic form in the demonstration record.
  ar: {
    notFound: "لم يُعثر عليه في المصادر",
    disputed: "متنازع عليه في السجل",
    fallOfAssad: /سقوط حكومة الأسد/,
  },
} as const;

async function setLanguage(page: Page, locale: string) {
  await page.addInitScript((value) => window.localStorage.setItem("astana.locale", value), locale);
}

for (const lang of ["en", "ar"] as const) {
  test.describe(`disputed values in ${lang}`, () => {
    test.beforeEach(async ({ page }) => {
      await setLanguage(page, lang);
    });

    test("the timeline marks the fall of Assad (7 or 8 December) and opens the conflict", async ({
      page,
    }) => {
      await page.goto("/processes/astana");
      await page.getByTestId("timeline").scrollIntoViewIfNeeded({ timeout: 20_000 });
      const sign = page.locator(
        '[data-testid="timeline-conflict-mark"][data-item="demo-milestone-fall-of-assad"]',
      );
      await expect(sign).toBeAttached({ timeout: 15_000 });
      const milestone = page.getByRole("button", { name: words[lang].fallOfAssad });
      await expect(milestone).toHaveAccessibleName(new RegExp(words[lang].disputed));
      await milestone.focus();
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog");
      await expect(dialog).toBeVisible();
      await expect(dialog.getByText("7 December 2024")).toBeVisible();
      await expect(dialog.getByText("8 December 2024")).toBeVisible();
      await expect(dialog.getByTestId("conflict-value")).toHaveCount(2);
      // Its row in the timeline's table carries the same mark, as a button.
      await page.keyboard.press("Escape");
      await expect(
        page
          .getByTestId("timeline-table")
          .locator('[data-conflicts~="demo-milestone-fall-of-assad-conflict-1"]'),
      ).toHaveCount(1);
    });

    test("the attendance matrix marks every US absence derived from round 9 or 15", async ({ page }) => {
      await page.goto("/processes/astana/attendance");
      const usRow = page.locator('tr[data-participant="United States"]');
      for (const round of [9, 15, 16, 22]) {
        const cell = usRow.locator(`[data-testid="attendance-cell"][data-round="${round}"]`);
        await expect(cell, `round ${round}`).toHaveAttribute("data-disputed", "true");
        await expect(cell).toHaveAccessibleName(new RegExp(words[lang].disputed));
      }
      await expect(usRow.locator('[data-testid="attendance-cell"][data-round="4"]')).not.toHaveAttribute(
        "data-disputed",
        "true",
      );
      await usRow.locator('[data-testid="attendance-cell"][data-round="18"]').click();
      const dialog = page.getByRole("dialog");
      await expect(dialog.getByTestId("cell-disputed")).toBeVisible();
      await expect(dialog.getByText("from the 15th round (February 2021)", { exact: true })).toBeVisible();
      await expect(dialog.getByText("from the 9th round (May 2018)", { exact: true })).toBeVisible();
    });

    test("round 22 marks the US absence and shows its missing next-round decision as a gap", async ({
      page,
    }) => {
      await page.goto("/rounds/demo-round-22");
      const us = page
        .getByTestId("round-participant")
        .filter({ hasText: lang === "en" ? "United States" : "الولايات المتحدة" });
      const mark = us.getByTestId("conflict-mark");
      await expect(mark).toBeVisible();
      await expect(mark).toHaveAccessibleName(new RegExp(words[lang].disputed));
      await expect(page.getByTestId("next-round")).toContainText(words[lang].notFound);
      await mark.focus();
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog");
      await expect(dialog.getByText("from the 9th round (May 2018)", { exact: true })).toBeVisible();
      await expect(dialog.getByTestId("conflict-value").first().getByRole("link").first()).toBeVisible();
    });

    test("the US role line is marked and opens the conflict with each value's sources", async ({ page }) => {
      await page.goto("/participants/united-states");
      const line = page.locator(".role-line").filter({ has: page.getByTestId("conflict-mark") });
      await expect(line).toHaveCount(1);
      await line.getByTestId("conflict-mark").click();
      const dialog = page.getByRole("dialog");
      await expect(dialog.getByTestId("conflict-value")).toHaveCount(2);
      await expect(dialog.getByText("from the 15th round (February 2021)", { exact: true })).toBeVisible();
    });
  });
}

test("the conflicts page is searched, sorted and grouped, its state in the address", async ({ page }) => {
  await page.goto("/processes/astana/conflicts?group=round&sort=date");
  await expect(page.getByTestId("conflict-group").first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("conflict-group").first()).toHaveAttribute("data-group", "1");
  await page.getByTestId("conflicts-search").fill("Assad");
  await expect(page).toHaveURL(/q=Assad/);
  await expect(page.getByTestId("conflict").first()).toBeVisible();
  for (const card of await page.getByTestId("conflict").all()) await expect(card).toContainText(/Assad/i);
  await page.getByRole("radio", { name: /Sources disagree/ }).focus();
  await expect(page.getByRole("radio", { name: /Sources disagree/ })).toBeFocused();
});
