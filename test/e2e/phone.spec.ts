import { expect, type Page, test } from "@playwright/test";
import { admin, expectNoHorizontalOverflow, signInViaApi } from "./helpers.ts";

test.use({ viewport: { width: 375, height: 700 }, isMobile: true, hasTouch: true });

async function setLanguage(page: Page, locale: string) {
  await page.addInitScript((value) => window.localStorage.setItem("astana.locale", value), locale);
}

test("at 375 px the navigation opens behind the burger and closes after choosing a page", async ({
  page,
  baseURL,
}) => {
  await signInViaApi(page, baseURL ?? "", admin.email, admin.password);
  await page.goto("/");
  const accountsLink = page.getByRole("link", { name: "Accounts" });
  await expect(accountsLink).not.toBeInViewport();

  await page.getByRole("button", { name: "Open navigation" }).click();
  await expect(accountsLink).toBeInViewport();
  // Opening the drawer moves the focus into it, to its first link.
  await expect(page.getByRole("link", { name: "Home" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(accountsLink).not.toBeInViewport();
  await expect(page.getByRole("button", { name: "Open navigation" })).toBeFocused();
  await page.getByRole("button", { name: "Open navigation" }).click();
  await accountsLink.click();
  await expect(page).toHaveURL(/\/accounts$/);
  await expect(page.getByRole("heading", { name: "Accounts" })).toBeVisible();
  await expect(accountsLink).not.toBeInViewport();
  await expectNoHorizontalOverflow(page);
});

for (const locale of ["en", "ar"]) {
  test(`nothing scrolls sideways at 375 px (${locale})`, async ({ page, baseURL }) => {
    await setLanguage(page, locale);
    for (const path of ["/", "/sign-in", "/setup"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoHorizontalOverflow(page);
    }
    await signInViaApi(page, baseURL ?? "", admin.email, admin.password);
    for (const path of ["/", "/accounts", "/audit", "/account/two-factor"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoHorizontalOverflow(page);
    }
    await page.getByRole("button", { name: locale === "ar" ? "فتح القائمة" : "Open navigation" }).click();
    await expectNoHorizontalOverflow(page);
  });
}
