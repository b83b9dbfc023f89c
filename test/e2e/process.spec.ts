import { type APIRequestContext, expect, type Locator, type Page, test } from "@playwright/test";
import { admin, closeSetup, expectNoHorizontalOverflow } from "./helpers.ts";

// Runs in the "demo" project, against the server started with the demonstration record (DEMO=on).
// A public visitor reads the Astana process as a new user would: no account needed.

const processName = "International Meetings on Syria in the Astana format";
/** A date range as Intl writes it in English (en-GB): "11 – 12 Nov 2024", with thin or plain spaces. */
const range = (from: string, to: string) => new RegExp(`${from}\\s*–\\s*${to}`);

/** Whether the record module (timeline, attendance, sources, conflicts) answers on this server. */
async function recordIsServed(request: APIRequestContext) {
  const [process, timeline] = await Promise.all([
    request.get("/api/processes/astana"),
    request.get("/api/processes/astana/timeline"),
  ]);
  return process.ok() && timeline.ok();
}

let recordReady = false;

test.beforeAll(async ({ request, baseURL }) => {
  await closeSetup(request, new URL(baseURL ?? "").origin);
  recordReady = await recordIsServed(request);
});

test.beforeEach(() => {
  expect(recordReady, "the demonstration record is served").toBe(true);
});

async function setLanguage(page: Page, locale: string) {
  await page.addInitScript((value) => window.localStorage.setItem("astana.locale", value), locale);
}

async function openProcess(page: Page) {
  await page.goto("/");
  await page.getByRole("link", { name: processName }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: processName })).toBeVisible();
}

async function openRound(page: Page, number: number) {
  await openProcess(page);
  await page
    .getByTestId("rounds-table")
    .getByRole("link", { name: `Round ${number}`, exact: true })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: `Round ${number}` })).toBeVisible();
}

async function centreX(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error("not displayed");
  return box.x + box.width / 2;
}

test("the process page: demonstration data, decisions, and a timeline of 22 rounds with the 2019–2021 pause", async ({
  page,
}) => {
  await openProcess(page);
  await expect(page.getByTestId("demo-notice")).toContainText("Demonstration data");

  // The decisions that launched, concluded and resumed the process, each dated and sourced.
  const decisions = page.getByTestId("decision");
  await expect(decisions).toHaveCount(3);
  await expect(page.locator('[data-testid=decision][data-kind="conclude"]')).toContainText("21 June 2023");
  await expect(page.locator('[data-testid=decision][data-kind="resume"]')).toContainText("January 2024");
  await expect(page.locator('[data-testid=decision][data-kind="resume"]')).toContainText(
    /collective request of the guarantors/i,
  );

  // One numbered mark per round, each a named link.
  const rounds = page.getByTestId("timeline-round");
  await expect(rounds).toHaveCount(22);
  await expect(page.getByRole("link", { name: /^Round 22, 11\s*–\s*12 Nov 2024, Astana/ })).toHaveCount(1);

  // The pause between rounds 14 and 15 is shaded and labelled with its length; the conclusion too.
  const pause = page.locator('[data-testid=timeline-gap][data-from^="2019-12"][data-to^="2021-02"]');
  await expect(pause).toHaveCount(1);
  await expect(pause).toContainText("14 months");
  await expect(page.getByTestId("timeline-period-concluded")).toContainText("Concluded");

  // Meetings have lanes and shapes of their own, explained by the legend.
  const legend = page.getByRole("list", { name: "Legend of the timeline" });
  for (const entry of ["Round", "Ministerial meeting", "Summit", "Congress", "Pause between rounds"]) {
    await expect(legend.getByText(entry, { exact: true })).toBeVisible();
  }

  // A mark reached by keyboard shows its tooltip; Enter follows it.
  const first = page.getByRole("link", { name: /^Round 1, / });
  await first.focus();
  await expect(page.locator(".timeline-tooltip")).toContainText("Round 1");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Round 1" })).toBeVisible();
  await page.goBack();

  // The same items as a table.
  await page.getByText("Show the timeline as a table").click();
  const table = page.getByTestId("timeline-table");
  await expect(table.getByRole("link", { name: "Round 22", exact: true })).toBeVisible();
  await expect(table.getByText(/Pause of 14 months without a round/)).toBeVisible();
  await page.screenshot({ path: ".tmp/e2e-process-en.png", fullPage: true });
});

test("the attendance matrix shows the United States absent after round 15, each cell with its sources", async ({
  page,
}) => {
  await openProcess(page);
  await page.getByRole("link", { name: "Attendance matrix" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Attendance" })).toBeVisible();
  const grid = page.getByRole("grid", { name: "Attendance by participant and round" });
  const us = grid.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "United States" }) });
  for (let round = 1; round <= 8; round++) {
    await expect(us.locator(`[data-round="${round}"]`)).toHaveAttribute("data-attendance", "attended");
  }
  for (let round = 16; round <= 22; round++) {
    await expect(us.locator(`[data-round="${round}"]`)).toHaveAttribute(
      "data-attendance",
      /absent|boycotted/,
    );
  }
  // The first name column stays in view while the rounds scroll.
  await expect(grid.getByRole("rowheader", { name: "United States" })).toHaveCSS("position", "sticky");

  // A cell opens the text the record cites and its sources.
  const cell = us.locator('[data-round="16"]');
  await expect(cell).toHaveAccessibleName(/United States, round 16: Observer, Boycotted/);
  await cell.click();
  const dialog = page.getByRole("dialog", { name: "United States at round 16" });
  await expect(dialog.getByText("What the sources say")).toBeVisible();
  await expect(dialog.getByTestId("source").first()).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // One Tab stop; arrows move between cells; Enter opens one.
  const iranFirst = grid
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "Iran" }) })
    .locator('[data-round="1"]');
  await iranFirst.focus();
  await page.keyboard.press("ArrowRight");
  await expect(
    grid
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: "Iran" }) })
      .locator('[data-round="2"]'),
  ).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: "Iran at round 2" })).toBeVisible();
  await page.keyboard.press("Escape");
  await page.screenshot({ path: ".tmp/e2e-attendance-en.png", fullPage: true });
});

test("round 22: 11–12 Nov 2024 in Astana, participants by role with heads of delegation, announced against held", async ({
  page,
}) => {
  await openRound(page, 22);
  await expect(page.getByTestId("round-dates")).toHaveText(range("11", "12 Nov 2024"));
  await expect(page.getByTestId("round-city")).toHaveText("Astana");
  await expect(page.getByTestId("round-venue")).toHaveText(/.+/);
  await expect(page.getByTestId("announced-vs-held")).toContainText("Decided at round 21");
  await expect(page.getByTestId("held")).toContainText(range("11", "12 Nov 2024"));

  const guarantors = page.getByRole("region", { name: "Guarantor" });
  await expect(guarantors.getByRole("link", { name: "Russia" })).toBeVisible();
  await expect(guarantors.getByTestId("head").first()).toContainText("Head of delegation:");
  // A head of delegation the sources do not give is a gap, not a guess.
  await expect(page.getByText("not found in the sources").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Sources" }).getByTestId("source").first()).toBeVisible();
});

test("round 15 was held in Sochi", async ({ page }) => {
  await openRound(page, 15);
  await expect(page.getByTestId("round-city")).toHaveText("Sochi");
  await expect(page.getByTestId("round-dates")).toHaveText(range("16", "17 Feb 2021"));
});

test("a round whose dates the sources dispute shows each value with the sources that give it", async ({
  page,
}) => {
  await openRound(page, 21);
  // The dates carry a mark that opens the conflict.
  await page
    .locator("dd", { has: page.getByTestId("round-dates") })
    .getByTestId("conflict-mark")
    .click();
  const conflict = page
    .getByRole("dialog")
    .getByTestId("conflict")
    .filter({ hasText: "Field: Dates" })
    .filter({ has: page.locator('[data-kind="disagreement"]') })
    .first();
  await expect(conflict).toBeVisible();
  await expect(conflict.getByText("Sources disagree", { exact: true })).toBeVisible();
  const values = conflict.getByTestId("conflict-value");
  expect(await values.count()).toBeGreaterThanOrEqual(2);
  await expect(values.filter({ hasText: /24-25 January 2024/ })).toHaveCount(1);
  for (const value of await values.all()) {
    await expect(value.getByTestId("source").first()).toBeVisible();
    await expect(value.getByRole("link").first()).toHaveAttribute("href", /^https?:\/\//);
  }
  await page.screenshot({ path: ".tmp/e2e-round-21-en.png", fullPage: true });
});

test("the United States' page shows its boycott from round 15 with the statement's sources", async ({
  page,
}) => {
  await openRound(page, 22);
  await page.getByRole("region", { name: "Observer" }).getByRole("link", { name: "United States" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "United States" })).toBeVisible();
  const boycott = page.locator('[data-testid=role-change][data-change="boycott_declared"]');
  await expect(boycott).toContainText("Round 15");
  await expect(boycott.getByRole("button", { name: /sources? for Boycott declared$/ })).toBeVisible();
  await expect(page.locator('[data-testid=participant-rounds] tr[data-round="16"]')).toHaveAttribute(
    "data-attendance",
    /absent|boycotted/,
  );
});

test("a meeting outside the rounds has its own page: the Sochi congress", async ({ page }) => {
  await openProcess(page);
  await page
    .getByRole("link", { name: /^Congress, / })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Congress");
  await expect(page.getByText("Sochi").first()).toBeVisible();
});

test("Arabic mirrors the process page, and time in the timeline runs from right to left", async ({
  page,
}) => {
  await setLanguage(page, "ar");
  await page.goto("/processes/astana");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { name: "الخط الزمني" })).toBeVisible();
  const rounds = page.getByTestId("timeline-round");
  await expect(rounds).toHaveCount(22);
  expect(await centreX(rounds.first())).toBeGreaterThan(await centreX(rounds.last()));
  await expect(page.locator('[data-testid=timeline-gap][data-from^="2019-12"]')).toContainText("14 شهرًا");
  await page.screenshot({ path: ".tmp/e2e-process-ar.png", fullPage: true });

  await page.goto("/processes/astana/attendance");
  const grid = page.getByRole("grid");
  const names = grid.getByRole("rowheader").first();
  const firstRound = grid.locator('[data-round="1"]').first();
  expect(await centreX(names)).toBeGreaterThan(await centreX(firstRound));
});

for (const locale of ["en", "ar"]) {
  test(`at 375 px nothing scrolls sideways; the timeline and the matrix scroll in their own boxes (${locale})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await setLanguage(page, locale);
    for (const path of [
      "/",
      "/processes",
      "/processes/astana",
      "/processes/astana/attendance",
      "/processes/astana/conflicts",
    ]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await page.waitForLoadState("networkidle");
      await expectNoHorizontalOverflow(page);
    }
    await page.goto("/processes/astana");
    const box = page.getByTestId("timeline-scroll");
    await expect(box).toBeVisible();
    const { scrollWidth, clientWidth } = await box.evaluate((element) => ({
      scrollWidth: element.scrollWidth,
      clientWidth: element.clientWidth,
    }));
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    await page.screenshot({ path: `.tmp/e2e-process-phone-${locale}.png`, fullPage: true });

    await page.getByTestId("rounds-table").getByRole("link").last().click();
    await expect(page.getByTestId("round-dates")).toBeVisible();
    await page.waitForLoadState("networkidle");
    await expectNoHorizontalOverflow(page);
  });
}

// Last in this file: it adds round 23 to the shared demonstration database.
test("a round announced by the secretariat appears on a visitor's open process page without a reload", async ({
  browser,
  page,
  baseURL,
}) => {
  const origin = new URL(baseURL ?? "").origin;
  await page.goto("/processes/astana");
  const roundsTable = page.getByTestId("rounds-table");
  await expect(roundsTable.getByRole("link", { name: "Round 22", exact: true })).toBeVisible();
  let reloaded = false;
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) reloaded = true;
  });

  // The administrator joins Kazakhstan's delegation, which makes them the host secretariat.
  const secretariat = await browser.newContext({ baseURL: origin });
  const request = secretariat.request;
  const signIn = await request.post("/api/auth/sign-in/email", {
    data: { email: admin.email, password: admin.password },
    headers: { origin },
  });
  expect(signIn.ok(), await signIn.text()).toBe(true);
  const me = await (await request.get("/api/me")).json();
  const joined = await request.post("/api/delegations/demo-astana-delegation-kazakhstan/members", {
    data: { accountId: me.id, position: "secretariat" },
    headers: { origin },
  });
  expect(joined.ok(), await joined.text()).toBe(true);

  const planned = await request.post("/api/processes/astana/rounds", {
    data: {
      names: { en: "Round 23" },
      number: 23,
      city: "Astana",
      startDate: "2026-12-01",
      endDate: "2026-12-02",
    },
    headers: { origin },
  });
  expect(planned.status(), await planned.text()).toBe(201);
  const round = await planned.json();
  // A planned round is the secretariat's own: the visitor does not see it yet.
  await page.waitForTimeout(1_500);
  await expect(roundsTable.getByRole("link", { name: "Round 23", exact: true })).toHaveCount(0);

  const announced = await request.post(`/api/rounds/${round.id}/announce`, {
    data: {
      publishedOn: "2026-11-23",
      text: "The 23rd meeting will be held in Astana on 1–2 December 2026.",
    },
    headers: { origin },
  });
  expect(announced.ok(), await announced.text()).toBe(true);

  await expect(roundsTable.getByRole("link", { name: "Round 23", exact: true })).toBeVisible({
    timeout: 10_000,
  });
  await expect(page.getByTestId("timeline-round")).toHaveCount(23);
  expect(reloaded).toBe(false);
  await secretariat.close();
});
