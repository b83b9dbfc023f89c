import { expect, type Page, test } from "@playwright/test";

async function box(page: Page, testId: string) {
  const found = await page.getByTestId(testId).boundingBox();
  if (!found) throw new Error(`${testId} is not displayed`);
  return found;
}

async function chooseLanguage(page: Page, name: string) {
  await page.getByTestId("language-switcher").click();
  await page.getByRole("menuitem", { name }).click();
}

test("Arabic turns the page right-to-left and mirrors the header; the choice survives a reload", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  let brand = await box(page, "brand");
  let account = await box(page, "account-menu");
  expect(brand.x).toBeLessThan(account.x);

  await chooseLanguage(page, "العربية");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.getByRole("link", { name: "تسجيل الدخول" })).toBeVisible();
  brand = await box(page, "brand");
  account = await box(page, "account-menu");
  expect(brand.x).toBeGreaterThan(account.x);
  // The brand sits at the right edge, as the account menu sat there in English.
  const width = page.viewportSize()?.width ?? 0;
  expect(brand.x + brand.width).toBeGreaterThan(width - 40);
  // The navigation moves to the right side too.
  const nav = await page.getByRole("navigation", { name: "التنقل الرئيسي" }).boundingBox();
  const main = await page.locator("#main-content h1").boundingBox();
  expect(nav && main && nav.x > main.x).toBe(true);

  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("أستانا");
});

test("Russian shows Russian text, left to right", async ({ page }) => {
  await page.goto("/sign-in");
  await chooseLanguage(page, "Русский");
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.getByRole("heading", { name: "Вход" })).toBeVisible();
  await expect(page.getByLabel("Электронная почта")).toBeVisible();
  await expect(page.getByRole("button", { name: "Войти" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Главная" })).toBeVisible();
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page.getByText("Введите адрес электронной почты").first()).toBeVisible();
});
