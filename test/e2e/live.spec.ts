import { expect, test } from "@playwright/test";
import { admin, createAccountViaApi, signInViaApi, uniqueEmail } from "./helpers.ts";

test("an account created by one administrator appears on another's open Accounts page without reload", async ({
  browser,
  page,
  baseURL,
}) => {
  const origin = baseURL ?? "";
  // Administrator A opens the Accounts page and keeps it open.
  await signInViaApi(page, origin, admin.email, admin.password);
  const secondAdmin = {
    name: "Timur Bekov",
    email: uniqueEmail("admin-b"),
    password: "another long password",
  };
  await createAccountViaApi(page, origin, { ...secondAdmin, isAdmin: true });
  await page.goto("/accounts");
  await expect(page.getByRole("cell", { name: secondAdmin.email })).toBeVisible();
  let reloaded = false;
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) reloaded = true;
  });

  // Administrator B, in a browser of their own, creates an account through the form.
  const other = await browser.newContext({ baseURL: origin });
  const pageB = await other.newPage();
  await signInViaApi(pageB, origin, secondAdmin.email, secondAdmin.password);
  await pageB.goto("/accounts");
  const newcomer = { name: "Leyla Haddad", email: uniqueEmail("newcomer") };
  await pageB.getByRole("button", { name: "New account" }).click();
  const dialog = pageB.getByRole("dialog", { name: "New account" });
  await dialog.getByLabel("Full name").fill(newcomer.name);
  await dialog.getByLabel("E-mail").fill(newcomer.email);
  await dialog.getByRole("textbox", { name: "Initial password" }).fill("a long initial password");
  await dialog.getByRole("button", { name: "Create the account" }).click();
  await expect(pageB.getByText(`The account of ${newcomer.name} was created.`)).toBeVisible();

  // A sees it arrive, without a reload.
  await expect(page.getByRole("cell", { name: newcomer.email })).toBeVisible({ timeout: 10_000 });
  expect(reloaded).toBe(false);
  await other.close();
});
