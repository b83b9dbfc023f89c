import { mkdirSync } from "node:fs";
import path from "node:path";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { admin, closeSetup, expectNoHorizontalOverflow, signInViaApi, uniqueEmail } from "./helpers.ts";

// Runs in the "demo" project, against the server with the demonstration record (DEMO=on): an
// administrator gives a new account a role in the Astana process from the web app alone, by putting
// it on Kazakhstan's delegation (the host secretariat), and takes it away again.

const processName = "International Meetings on Syria in the Astana format";
const password = "correct horse battery staple";
const shots = path.join(process.cwd(), ".tmp");
mkdirSync(shots, { recursive: true });

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request, baseURL }) => {
  await closeSetup(request, new URL(baseURL ?? "").origin);
});

/** Signs in through the sign-in form, as the person would. */
async function signInWithForm(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: /^Account menu of/ })).toBeVisible();
}

const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main navigation" });

/** Creates an account through the Accounts page's dialog. */
async function createAccount(page: Page, name: string, email: string) {
  await page.getByRole("button", { name: "New account" }).click();
  const dialog = page.getByRole("dialog", { name: "New account" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("E-mail").fill(email);
  await dialog.getByRole("textbox", { name: "Initial password" }).fill(password);
  await dialog.getByRole("button", { name: "Create the account" }).click();
  await expect(page.getByTestId("accounts-done")).toContainText(`The account of ${name} was created.`);
}

async function personPage(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL });
  return context.newPage();
}

test("an administrator makes a new account the secretariat of the Astana process, then takes it away", async ({
  page,
  browser,
  baseURL,
}) => {
  const name = "Dana Serikbayeva";
  const email = uniqueEmail("secretariat");
  await signInViaApi(page, baseURL ?? "", admin.email, admin.password);
  await page.goto("/accounts");
  await createAccount(page, name, email);

  const row = page.locator(`[data-account="${email}"]`);
  await expect(row.getByTestId("account-delegations")).toContainText("On no delegation");
  await row.getByRole("button", { name: `Add to a delegation: ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Add ${name} to a delegation` });
  const processField = dialog.getByRole("combobox", { name: "Process" });
  if ((await processField.inputValue()) !== processName) {
    await processField.click();
    await page.getByRole("option", { name: processName }).click();
  }
  // Submitting without a delegation names the missing field.
  await dialog.getByRole("button", { name: "Add to the delegation" }).click();
  await expect(dialog.getByText("Required")).toBeVisible();
  await dialog.getByRole("combobox", { name: "Delegation" }).fill("Kazakh");
  await page.getByRole("option", { name: /^Kazakhstan \(Host\)/ }).click();
  await dialog.getByRole("radio", { name: "Head of delegation" }).check();
  await dialog.getByRole("button", { name: "Add to the delegation" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("accounts-done")).toContainText(
    `${name} is now on the delegation of Kazakhstan`,
  );
  const place = row.locator('[data-participant="kazakhstan"]');
  await expect(place).toContainText("Kazakhstan · Head of delegation");
  await expect(place).toContainText("Host");
  await page.screenshot({ path: path.join(shots, "memberships-accounts-en.png"), fullPage: true });

  // Adding the same place twice is refused by name, not with a server error.
  await row.getByRole("button", { name: `Add to a delegation: ${name}` }).click();
  await dialog.getByRole("combobox", { name: "Delegation" }).fill("Kazakh");
  await expect(page.getByRole("option", { name: /^Kazakhstan .*already a member/ })).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // The person signs in: the secretariat's entry is there (from the roles /api/me reports).
  const person = await personPage(browser, baseURL);
  await signInWithForm(person, email);
  await mainNav(person).getByRole("link", { name: "Secretariat" }).click();
  await expect(person).toHaveURL(/\/secretariat\/astana$/);
  await expect(person.getByRole("heading", { level: 1, name: `Secretariat: ${processName}` })).toBeVisible();

  // In the workspace, the "Accounts of delegations" section lists them on Kazakhstan's delegation; a secretariat is
  // told that only an administrator can add accounts.
  await person
    .getByRole("navigation", { name: "Sections of the workspace" })
    .getByRole("link", { name: "Accounts of delegations" })
    .click();
  await expect(person).toHaveURL(/\/secretariat\/astana\/delegations$/);
  const kazakhstan = person.locator('[data-participant="kazakhstan"]');
  await expect(kazakhstan.locator(`[data-account="${email}"]`)).toContainText(name);
  await expect(person.getByTestId("admins-add")).toBeVisible();
  await expect(person.getByRole("button", { name: /^Add an account/ })).toHaveCount(0);

  // A change made elsewhere reaches the open page live: the administrator adds a colleague.
  const colleague = { name: "Marat Tokayev", email: uniqueEmail("colleague") };
  await createAccount(page, colleague.name, colleague.email);
  const colleagueRow = page.locator(`[data-account="${colleague.email}"]`);
  await colleagueRow.getByRole("button", { name: `Add to a delegation: ${colleague.name}` }).click();
  const colleagueDialog = page.getByRole("dialog", { name: `Add ${colleague.name} to a delegation` });
  await colleagueDialog.getByRole("combobox", { name: "Delegation" }).fill("Kazakh");
  await page.getByRole("option", { name: /^Kazakhstan \(Host\)/ }).click();
  await colleagueDialog.getByRole("radio", { name: "Other…" }).check();
  await colleagueDialog.getByRole("textbox", { name: "Position on the delegation" }).fill("Protocol officer");
  await colleagueDialog.getByRole("button", { name: "Add to the delegation" }).click();
  await expect(colleagueDialog).toBeHidden();
  await expect(kazakhstan.locator(`[data-account="${colleague.email}"]`)).toContainText(
    `${colleague.name} · Protocol officer`,
  );

  // The secretariat takes the colleague off again, after confirming.
  await kazakhstan
    .getByRole("button", { name: `Remove ${colleague.name} from the delegation of Kazakhstan` })
    .click();
  const confirm = person.getByRole("dialog", { name: "Remove from the delegation" });
  await expect(confirm).toContainText(`Remove ${colleague.name} from the delegation of Kazakhstan`);
  await confirm.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(kazakhstan.locator(`[data-account="${colleague.email}"]`)).toHaveCount(0);
  // The server sends membership events to the process's members only (tier "process"), so an
  // administrator outside the process sees the secretariat's change on the next load.
  await page.reload();
  await expect(colleagueRow.getByTestId("account-delegations")).toContainText("On no delegation");

  // The administrator takes the person off; after a reload the secretariat's entry is gone.
  await row
    .getByRole("button", { name: `Remove ${name} from the delegation of Kazakhstan (${processName})` })
    .click();
  const removal = page.getByRole("dialog", { name: "Remove from the delegation" });
  await expect(removal).toContainText("They lose at once the roles it gives: Host.");
  await removal.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(page.getByTestId("accounts-done")).toContainText(
    `${name} is no longer on the delegation of Kazakhstan`,
  );
  await expect(row.getByTestId("account-delegations")).toContainText("On no delegation");

  await person.goto("/");
  await expect(person.getByRole("button", { name: `Account menu of ${name}` })).toBeVisible();
  await expect(mainNav(person).getByRole("link", { name: "Accounts" })).toHaveCount(0);
  await expect(mainNav(person).getByRole("link", { name: "Secretariat" })).toHaveCount(0);
  await person.goto("/secretariat/astana");
  await expect(person.getByRole("alert")).toBeVisible();
  await expect(person.getByRole("heading", { level: 1, name: `Secretariat: ${processName}` })).toHaveCount(0);
  await person.context().close();
});

test("an administrator adds an existing account on the Delegations page, in Arabic and on a phone", async ({
  page,
  baseURL,
}) => {
  const name = "Layla Haddad";
  const email = uniqueEmail("observer");
  await signInViaApi(page, baseURL ?? "", admin.email, admin.password);
  await page.goto("/accounts");
  await createAccount(page, name, email);

  await page.goto("/secretariat/astana/delegations");
  await expect(
    page.getByRole("heading", { level: 1, name: `Accounts of delegations: ${processName}` }),
  ).toBeVisible();
  await expect(page.getByTestId("admins-add")).toHaveCount(0);
  await page.getByRole("searchbox", { name: "Find a delegation or a person" }).fill("Jordan");
  const jordan = page.locator('[data-participant="jordan"]');
  await expect(jordan).toBeVisible();
  await expect(page.locator('[data-participant="kazakhstan"]')).toHaveCount(0);
  await jordan.getByRole("button", { name: "Add an account to the delegation of Jordan" }).click();
  const dialog = page.getByRole("dialog", { name: "Add an account to the delegation of Jordan" });
  await dialog.getByRole("combobox", { name: "Account" }).fill(email);
  await page.getByRole("option", { name: `${name} <${email}>` }).click();
  await dialog.getByRole("radio", { name: "Staff" }).check();
  await dialog.getByRole("button", { name: "Add to the delegation" }).click();
  await expect(page.getByTestId("delegations-done")).toContainText(
    `${name} is now on the delegation of Jordan.`,
  );
  await expect(jordan.locator(`[data-account="${email}"]`)).toContainText(`${name} · Staff`);

  // The same page in Arabic, right to left, and on a 375 px phone.
  await page.evaluate(() => window.localStorage.setItem("astana.locale", "ar"));
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await page.getByRole("searchbox").fill("Jordan");
  await expect(page.locator('[data-participant="jordan"]')).toContainText("موظف");
  await page.screenshot({ path: path.join(shots, "memberships-delegations-ar.png"), fullPage: true });
  await page.goto("/accounts");
  await expect(page.locator(`[data-account="${email}"]`)).toContainText("موظف");
  await page.screenshot({ path: path.join(shots, "memberships-accounts-ar.png"), fullPage: true });

  await page.evaluate(() => window.localStorage.setItem("astana.locale", "en"));
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/secretariat/astana/delegations");
  await expect(page.locator('[data-participant="jordan"]')).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: path.join(shots, "memberships-delegations-phone.png"), fullPage: true });
  await page.goto("/accounts");
  const card = page.locator(`[data-account="${email}"]`);
  await expect(card).toContainText("Jordan · Staff");
  await expectNoHorizontalOverflow(page);
  await card.getByRole("button", { name: `Add to a delegation: ${name}` }).click();
  const adding = page.getByRole("dialog", { name: `Add ${name} to a delegation` });
  await expect(adding.getByRole("combobox", { name: "Process" })).toBeFocused();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, "memberships-add-phone.png") });
  await page.keyboard.press("Escape");
  await expect(adding).toBeHidden();
  // Keyboard only: open the removal from the card, confirm with Enter on the focused button.
  await card
    .getByRole("button", { name: `Remove ${name} from the delegation of Jordan (${processName})` })
    .focus();
  await page.keyboard.press("Enter");
  const removal = page.getByRole("dialog", { name: "Remove from the delegation" });
  await expect(removal).toBeVisible();
  await expect(removal.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.waitForTimeout(300); // the dialog's opening transition, for the screenshot
  await page.screenshot({ path: path.join(shots, "memberships-remove-phone.png") });
  await page.keyboard.press("Tab");
  await expect(removal.getByRole("button", { name: "Remove", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(card.getByTestId("account-delegations")).toContainText("On no delegation");
});
