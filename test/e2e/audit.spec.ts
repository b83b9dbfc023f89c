import { expect, test } from "@playwright/test";
import { admin, createAccountViaApi, signInViaApi, uniqueEmail } from "./helpers.ts";

test("the audit log lists entries, filters them, and shows new ones at the top as they happen", async ({
  page,
  browser,
  baseURL,
}) => {
  const origin = baseURL ?? "";
  await signInViaApi(page, origin, admin.email, admin.password);
  const member = await createAccountViaApi(page, origin, {
    name: "Karim Nasser",
    email: uniqueEmail("member"),
    password: "a long enough password",
  });

  // The member tries something only administrators may do: the refusal is audited too.
  const other = await browser.newContext({ baseURL: origin });
  const memberPage = await other.newPage();
  await signInViaApi(memberPage, origin, member.email, "a long enough password");
  const refused = await memberPage.request.post("/api/accounts", {
    data: { name: "Nobody", email: uniqueEmail("nobody"), password: "a long enough password" },
    headers: { origin },
  });
  expect(refused.status()).toBe(403);
  await other.close();

  await page.goto("/audit");
  const table = page.getByTestId("audit-table");
  // The member's own sign-in is on the log too (sign-ins are audited): find the creation among its rows.
  const memberRows = table.getByRole("row").filter({ hasText: member.id });
  await expect(memberRows.filter({ hasText: "Account created" })).toHaveCount(1);

  await page.getByLabel("Outcome").selectOption({ label: "Refused" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/outcome=denied/);
  const rows = table.locator("tbody tr");
  await expect(rows.first()).toContainText("Refused");
  for (const row of await rows.all()) await expect(row).toContainText("Refused");

  await page.getByRole("button", { name: "Clear" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(table).toContainText("Done");
  await expect(table).toContainText("Refused");

  // An account created now appears at the top without a reload.
  const newcomer = await createAccountViaApi(page, origin, {
    name: "Yusuf Demir",
    email: uniqueEmail("newcomer"),
    password: "a long enough password",
  });
  await expect(rows.first()).toContainText(newcomer.id, { timeout: 10_000 });
  await expect(page.getByRole("status")).toContainText("1 new entry at the top.");
});
