import { expect, type Locator, type Page, test } from "@playwright/test";
import { admin, signInViaApi } from "./helpers.ts";

/** Presses Tab until the target has the focus; fails after `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 15) {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return presses;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
  return limit;
}

test("Tab reaches the skip link first, then the language switcher and the sign-in form", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main-content")).toBeFocused();

  await page.keyboard.press("Tab");
  await expect(page.getByLabel("E-mail")).toBeFocused();
  await page.keyboard.type(admin.email);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("textbox", { name: "Password", exact: true })).toBeFocused();

  // The language menu works from the keyboard too.
  await page.goto("/sign-in");
  await tabTo(page, page.getByTestId("language-switcher"));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Русский" })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "Русский" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByTestId("language-switcher")).toBeFocused();

  await tabTo(page, page.getByLabel("Электронная почта"));
  await page.keyboard.type(admin.email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(admin.password);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: `Добро пожаловать, ${admin.name}` })).toBeVisible();
});

test("the new-account dialog keeps the focus inside and gives it back when closed", async ({
  page,
  baseURL,
}) => {
  await signInViaApi(page, baseURL ?? "", admin.email, admin.password);
  await page.goto("/accounts");
  const opener = page.getByRole("button", { name: "New account" });
  await tabTo(page, opener, 25);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "New account" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Full name")).toBeFocused();
  for (let presses = 0; presses < 12; presses++) {
    await page.keyboard.press("Tab");
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});
