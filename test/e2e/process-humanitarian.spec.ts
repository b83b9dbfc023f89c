import { expect, type Page, test } from "@playwright/test";
import { admin, closeSetup, expectNoHorizontalOverflow, signInViaApi, uniqueEmail } from "./helpers.ts";

// The public reader of the humanitarian working group, on the demonstration record (the seven exchanges of
// 2018–2022): every exchange in the table, the one the sources date only to a month included; the numbers
// and the sides in the reader's language; what the sources disagree on shown, in English and marked so.
// And a guarantor (Russia's delegate), who reads no side's list, offered both sides to plan an exchange.

async function readIn(page: Page, locale: "ru" | "ar") {
  await page.addInitScript((chosen) => window.localStorage.setItem("astana.locale", chosen), locale);
}

test("a Russian reader finds all seven exchanges, the undated one in its place, with Russian sides and numbers", async ({
  page,
}) => {
  await readIn(page, "ru");
  await page.goto("/processes/astana/humanitarian");
  const rows = page.getByTestId("timeline-row");
  await expect(rows).toHaveCount(7);
  // The third exchange (April 2019, no day in the sources) comes between February and July 2019.
  await expect(rows.nth(2)).toContainText("April 2019");
  await expect(rows.nth(1)).toContainText("2019-02-12");
  await expect(rows.nth(3)).toContainText("2019-07-31");
  await expect(rows.first()).toContainText(
    "Сирийское правительство: 10; Сирийская вооружённая оппозиция: 10",
  );
  await expect(page.getByRole("img", { name: /не указывают день/ })).toBeVisible();
  await page.goto("/processes/astana/humanitarian/exchanges");
  const first = page.getByTestId("exchange-row").first();
  await expect(first).toContainText("10 на 10");
  await expect(page.getByTestId("exchange-row").nth(2)).toContainText("April 2019");
  await expect(page.locator("main")).not.toContainText(/\d+ for \d+/);
});

test("an Arabic reader on a phone reads what the sources disagree on about an exchange, marked as English", async ({
  browser,
}) => {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    viewport: { width: 390, height: 844 },
  });
  const page = await context.newPage();
  await readIn(page, "ar");
  await page.goto("/humanitarian/exchanges/demo-exchange-02");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByText("20 مقابل 20")).toBeVisible();
  await expect(page.getByText(/الحكومة السورية: يُفرج عن 20/)).toBeVisible();
  const doubts = page.getByTestId("exchange-conflicts");
  await expect(doubts.locator("li")).toHaveCount(2);
  await expect(doubts.locator('[lang="en"][data-fallback="true"]').first()).toContainText("TRT French");
  await expectNoHorizontalOverflow(page);
  await context.close();
});

test("a guarantor who reads neither side's list is offered both sides to plan an exchange between", async ({
  browser,
  request,
  baseURL,
}) => {
  const base = baseURL ?? "";
  const origin = new URL(base).origin;
  await closeSetup(request, origin);
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  await signInViaApi(page, base, admin.email, admin.password);
  const email = uniqueEmail("russia");
  const password = "correct horse battery staple";
  const account = await page.request.post("/api/accounts", {
    data: { name: "Delegate of Russia", email, password, isAdmin: false, locale: "en" },
    headers: { origin },
  });
  expect(account.status(), await account.text()).toBe(201);
  const member = await page.request.post("/api/delegations/demo-astana-delegation-russia/members", {
    data: { accountId: (await account.json()).id },
    headers: { origin },
  });
  expect(member.status(), await member.text()).toBe(201);
  await context.clearCookies();
  await signInViaApi(page, base, email, password);
  await page.goto("/processes/astana/humanitarian");
  await expect(page.getByText("No list you may read.")).toBeVisible();
  await page.goto("/processes/astana/humanitarian/exchanges");
  const sides = page.getByLabel("First side", { exact: true }).locator("option");
  await expect(sides).toHaveCount(2);
  await expect(sides).toContainText([/Syrian/, /Syrian/]);
  await expect(page.getByLabel("Second side", { exact: true })).not.toHaveValue(
    await page.getByLabel("First side", { exact: true }).inputValue(),
  );
  await context.close();
});
