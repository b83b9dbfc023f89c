import { expect, type Page, test } from "@playwright/test";
import { admin, createAccountViaApi, signInViaApi, uniqueEmail } from "./helpers.ts";

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

test("a signed-in person's language choice is kept on the account and followed on another device", async ({
  page,
  browser,
  baseURL,
}) => {
  const origin = baseURL ?? "";
  const person = { name: "Nadia Karimova", email: uniqueEmail("locale"), password: "a long enough password" };
  await signInViaApi(page, origin, admin.email, admin.password);
  await createAccountViaApi(page, origin, person);

  const laptop = await browser.newContext({ baseURL: origin });
  const first = await laptop.newPage();
  await signInViaApi(first, origin, person.email, person.password);
  await first.goto("/");
  await chooseLanguage(first, "Русский");
  await expect.poll(async () => (await (await first.request.get("/api/me")).json()).locale).toBe("ru");

  // A browser that never chose a language opens in the account's.
  const phone = await browser.newContext({ baseURL: origin, locale: "en-US" });
  const second = await phone.newPage();
  await signInViaApi(second, origin, person.email, person.password);
  await second.goto("/");
  await expect(second.locator("html")).toHaveAttribute("lang", "ru");
  await expect(second.getByRole("heading", { name: `Добро пожаловать, ${person.name}` })).toBeVisible();
  await laptop.close();
  await phone.close();
});
