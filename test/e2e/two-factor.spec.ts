import { expect, test } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { admin, createAccountViaApi, signInViaApi, uniqueEmail } from "./helpers.ts";

test("a person turns on two-factor authentication, and sign-in then asks for the code", async ({
  page,
  browser,
  baseURL,
}) => {
  const origin = baseURL ?? "";
  const person = { name: "Dana Omarova", email: uniqueEmail("totp"), password: "a long enough password" };
  await signInViaApi(page, origin, admin.email, admin.password);
  await createAccountViaApi(page, origin, person);

  const context = await browser.newContext({ baseURL: origin });
  const own = await context.newPage();
  await own.goto("/sign-in");
  await own.getByLabel("E-mail").fill(person.email);
  await own.getByRole("textbox", { name: "Password", exact: true }).fill(person.password);
  await own.getByRole("button", { name: "Sign in" }).click();
  await own.getByRole("button", { name: `Account menu of ${person.name}` }).click();
  await own.getByRole("menuitem", { name: "Two-factor authentication" }).click();

  await own.getByRole("textbox", { name: "Your password" }).fill(person.password);
  await own.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  await expect(own.getByRole("img", { name: /QR code/ })).toBeVisible();
  const key = (await own.getByTestId("totp-key").innerText()).replace(/\s+/g, "");
  expect(key).toMatch(/^[A-Z2-7]{16,}$/);
  const backupCodes = await own.getByTestId("backup-codes").locator("code").allInnerTexts();
  expect(backupCodes.length).toBeGreaterThanOrEqual(5);

  const totp = new TOTP({ secret: Secret.fromBase32(key), digits: 6, period: 30 });
  const wrongCode = String((Number(totp.generate()) + 500_000) % 1_000_000).padStart(6, "0");
  await own.getByLabel("Six-digit code").fill(wrongCode);
  await own.getByRole("button", { name: "Confirm and turn on" }).click();
  await expect(own.getByRole("alert")).toContainText("The code is wrong");
  await own.getByLabel("Six-digit code").fill(totp.generate());
  await own.getByRole("button", { name: "Confirm and turn on" }).click();
  await expect(own.getByText("Two-factor authentication is now on.")).toBeVisible();

  // Signing in again asks for the second factor; a backup code works once.
  await own.getByRole("button", { name: `Account menu of ${person.name}` }).click();
  await own.getByRole("menuitem", { name: "Sign out" }).click();
  await own.goto("/sign-in");
  await own.getByLabel("E-mail").fill(person.email);
  await own.getByRole("textbox", { name: "Password", exact: true }).fill(person.password);
  await own.getByRole("button", { name: "Sign in" }).click();
  await expect(own.getByLabel("Six-digit code")).toBeFocused();
  await own.getByRole("button", { name: "Use a backup code instead" }).click();
  await own.getByLabel("Backup code").fill(backupCodes[0] ?? "");
  await own.getByRole("button", { name: "Verify" }).click();
  await expect(own.getByRole("heading", { name: `Welcome, ${person.name}` })).toBeVisible();
  await context.close();
});
