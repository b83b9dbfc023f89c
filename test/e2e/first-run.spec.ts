import { expect, test } from "@playwright/test";
import { admin } from "./helpers.ts";

// Runs first, on the fresh data directory of test/e2e/serve.ts (project "first-run").
test("the first visit leads to setup, which creates the administrator, who then signs in", async ({
  page,
}) => {
  // The public pages stay readable; a banner leads to the setup, and so does signing in.
  await page.goto("/");
  await page.getByRole("link", { name: "Set up the first administrator" }).click();
  await expect(page).toHaveURL(/\/setup$/);
  await page.goto("/sign-in");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "First-run setup" })).toBeVisible();

  // Client-side checks speak before any request.
  await page.getByRole("button", { name: "Create the administrator" }).click();
  await expect(page.getByText("Required.").first()).toBeVisible();

  await page.getByLabel("Full name").fill(admin.name);
  await page.getByLabel("E-mail").fill(admin.email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill("short");
  await page.getByRole("textbox", { name: "Repeat the password" }).fill("short");
  await page.getByRole("button", { name: "Create the administrator" }).click();
  await expect(page.getByText("At least 10 characters.").last()).toBeVisible();

  await page.getByRole("textbox", { name: "Password", exact: true }).fill(admin.password);
  await page.getByRole("textbox", { name: "Repeat the password" }).fill(admin.password);
  await page.getByRole("button", { name: "Create the administrator" }).click();

  // Setup signs the new administrator in and closes itself.
  await expect(page.getByRole("heading", { name: `Welcome, ${admin.name}` })).toBeVisible();
  expect(await (await page.request.get("/api/setup")).json()).toEqual({ needed: false });
  await page.goto("/setup");
  await expect(page.getByText("Setup is complete")).toBeVisible();

  // Sign out through the account menu, then sign in through the form.
  await page.getByRole("button", { name: `Account menu of ${admin.name}` }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.getByRole("banner").getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await page.getByLabel("E-mail").fill(admin.email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("The e-mail or the password is wrong.");

  await page.getByRole("textbox", { name: "Password", exact: true }).fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${admin.name}` })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Accounts" }),
  ).toBeVisible();
});
