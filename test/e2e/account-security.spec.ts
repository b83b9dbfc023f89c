import { expect, test } from "@playwright/test";
import { admin, createAccountViaApi, signInViaApi, uniqueEmail } from "./helpers.ts";

test("a person changes their password and makes an API token; an administrator disables the account", async ({
  browser,
  baseURL,
}) => {
  const base = baseURL ?? "";
  const adminPage = await (await browser.newContext()).newPage();
  await signInViaApi(adminPage, base, admin.email, admin.password);
  const person = { name: "Daniyar Omarov", email: uniqueEmail("daniyar"), password: "first long password" };
  await createAccountViaApi(adminPage, base, person);

  const page = await (await browser.newContext()).newPage();
  await signInViaApi(page, base, person.email, person.password);
  await page.goto("/");
  await page.getByRole("button", { name: `Account menu of ${person.name}` }).click();
  await page.getByRole("menuitem", { name: "Password and API tokens" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();

  const passwordForm = page.getByRole("form", { name: "Change your password" });
  await passwordForm.getByRole("textbox", { name: "Your password" }).fill(person.password);
  await passwordForm.getByRole("textbox", { name: "New password", exact: true }).fill("second long password");
  await passwordForm.getByRole("textbox", { name: "Repeat the new password" }).fill("second long password");
  await passwordForm.getByRole("button", { name: "Change the password" }).click();
  await expect(page.getByText("Your password was changed.")).toBeVisible();

  const tokenForm = page.getByRole("form", { name: "Create a token" });
  await tokenForm.getByRole("textbox", { name: "What the token is for" }).fill("weekly report");
  await tokenForm.getByRole("button", { name: "Create a token" }).click();
  const shown = (await page.getByTestId("new-token").textContent()) ?? "";
  expect(shown).toMatch(/^astana_/);
  const me = await page.request.get("/api/me", { headers: { authorization: `Bearer ${shown}` } });
  expect((await me.json()).email).toBe(person.email);
  await page.reload();
  const used = page.locator('[data-token="weekly report"]');
  await expect(used.getByTestId("token-last-used")).toContainText("last used");
  await page.getByRole("button", { name: "Revoke weekly report" }).click();
  await expect(page.getByTestId("api-tokens").getByText("revoked")).toBeVisible();

  // A feed token, for a calendar app: shown with the address it goes in; refused anywhere but a feed.
  await tokenForm.getByRole("textbox", { name: "What the token is for" }).fill("my calendar");
  await tokenForm.getByRole("textbox", { name: "Access" }).click();
  await page.getByRole("option", { name: "Feeds only (calendar, feed reader)" }).click();
  await tokenForm.getByRole("button", { name: "Create a token" }).click();
  const feedToken = (await page.getByTestId("new-token").textContent()) ?? "";
  await expect(page.getByText(`rounds.ics?token=${feedToken}`)).toBeVisible();
  const calendar = page.locator('[data-token="my calendar"]');
  await expect(calendar).toContainText("Feeds only");
  await expect(calendar.getByTestId("token-last-used")).toContainText("never used");
  expect((await page.request.get(`/api/me?token=${feedToken}`)).status()).toBe(401);

  // The administrator disables the account from the accounts page: the person is signed out at once.
  await adminPage.goto("/accounts");
  const row = adminPage.locator(`[data-account="${person.email}"]`);
  await row.getByRole("button", { name: `Disable ${person.name}` }).click();
  await row.getByRole("button", { name: "Disable", exact: true }).click();
  await expect(row.getByTestId("account-status")).toContainText("Disabled");
  // Its own account page now asks it to sign in.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  const refused = await page.request.post("/api/auth/sign-in/email", {
    data: { email: person.email, password: "second long password" },
    headers: { origin: new URL(base).origin },
  });
  expect(refused.status()).toBe(403);

  await row.getByRole("button", { name: `Enable ${person.name}` }).click();
  await expect(row.getByTestId("account-status")).toContainText("Active");
});

test("every page carries a Content-Security-Policy that the web app lives with", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/");
  expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  expect(violations).toEqual([]);
});
