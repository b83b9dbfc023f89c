import { expect, test } from "@playwright/test";
import { admin, setupLink } from "./helpers.ts";

// Runs first, on the fresh data directory of test/e2e/serve.ts (project "first-run").
test("setup needs the link printed on the console; it creates the administrator, who then signs in", async ({
  page,
  baseURL,
}) => {
  // Nothing invites an anonymous visitor to take over the fresh server.
  await page.goto("/");
  await expect(page.getByRole("heading").first()).toBeVisible();
  await expect(page.getByText(/set up the first administrator/i)).toHaveCount(0);
  await expect(page.getByRole("link", { name: /setup/i })).toHaveCount(0);
  await page.goto("/sign-in");
  await expect(page).toHaveURL(/\/sign-in$/);

  // Opened without the link's token, the setup page asks for it, and the server refuses a wrong one.
  await page.goto("/setup");
  await expect(page.getByRole("heading", { name: "First-run setup" })).toBeVisible();
  await page.getByLabel("Setup token").fill("not-the-token");
  await page.getByLabel("Full name").fill(admin.name);
  await page.getByLabel("E-mail").fill(admin.email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(admin.password);
  await page.getByRole("textbox", { name: "Repeat the password" }).fill(admin.password);
  await page.getByRole("button", { name: "Create the administrator" }).click();
  await expect(page.getByRole("alert")).toContainText("This setup token is not valid");

  // The link the operator copies from the console carries the token.
  await page.goto(setupLink(baseURL ?? ""));
  await expect(page.getByRole("heading", { name: "First-run setup" })).toBeVisible();
  await expect(page.getByLabel("Setup token")).toHaveCount(0);

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
