import { mkdirSync } from "node:fs";
import path from "node:path";
import {
  type APIRequestContext,
  type Browser,
  expect,
  type Locator,
  type Page,
  test,
} from "@playwright/test";
import { admin, expectNoHorizontalOverflow, signInViaApi, uniqueEmail } from "./helpers.ts";

// The secretariat's forms, end to end: an administrator sets up a process through the API (there is
// no interface for memberships yet), then the host secretariat plans round 23 in the browser, invites
// delegations, a delegation submits its list, the secretariat asks for a change and then accredits
// it, announces the round, and a public visitor sees it. Bad inputs along the way: end before start,
// a round number used twice, a save from a stale second tab.

const password = "correct horse battery staple";
const shots = path.join(process.cwd(), ".tmp");
mkdirSync(shots, { recursive: true });
const run = Date.now().toString(36);
const slugOf = (name: string) => `${name}-${run}`;

type Setup = {
  processSlug: string;
  secretariat: { email: string; id: string };
  delegate: { email: string; id: string };
  /** Null until the API names the host's standing delegation (see hostDelegationId). */
  hostDelegation: string | null;
};

function originHeaders(baseURL: string) {
  return { origin: new URL(baseURL).origin };
}

async function post(request: APIRequestContext, baseURL: string, url: string, data: unknown, status = 201) {
  const response = await request.post(url, { data, headers: originHeaders(baseURL) });
  expect(response.status(), `${url}: ${await response.text()}`).toBe(status);
  return response.json();
}

/** The host's standing delegation, which the secretariat's accounts must join (null if not listed). */
async function hostDelegationId(request: APIRequestContext, processSlug: string, hostSlug: string) {
  const response = await request.get(`/api/processes/${processSlug}/delegations`);
  if (!response.ok()) return null;
  const body = (await response.json()) as { items: { id: string; participant: { slug: string } }[] };
  return body.items.find((item) => item.participant.slug === hostSlug)?.id ?? null;
}

/** Participants, a process hosted by Kazakhstan with three guarantors, and two accounts. */
async function setUp(browser: Browser, baseURL: string): Promise<Setup> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInViaApi(page, baseURL, admin.email, admin.password);
  const request = page.request;
  const participants = [
    ["kazakhstan", "state", { en: "Kazakhstan", ru: "Казахстан", ar: "كازاخستان" }],
    ["russia", "state", { en: "Russia", ru: "Россия", ar: "روسيا" }],
    ["turkiye", "state", { en: "Türkiye", ru: "Турция", ar: "تركيا" }],
    ["iran", "state", { en: "Iran", ru: "Иран", ar: "إيران" }],
    ["jordan", "state", { en: "Jordan", ru: "Иордания", ar: "الأردن" }],
  ] as const;
  for (const [name, kind, names] of participants) {
    await post(request, baseURL, "/api/participants", { slug: slugOf(name), kind, names });
  }
  const processSlug = slugOf("astana");
  await post(request, baseURL, "/api/processes", {
    slug: processSlug,
    names: {
      en: "International Meetings on Syria in the Astana format",
      ru: "Международные встречи по Сирии в астанинском формате",
      ar: "الاجتماعات الدولية بشأن سوريا بصيغة أستانا",
    },
    hostParticipantId: slugOf("kazakhstan"),
    guarantorIds: [slugOf("russia"), slugOf("turkiye"), slugOf("iran")],
    defaultCity: "Astana",
    defaultVenue: "Ritz-Carlton Hotel",
    launchedOn: "2017-01-23",
  });
  const account = async (name: string, prefix: string, locale = "en") => {
    const email = uniqueEmail(prefix);
    const created = await post(request, baseURL, "/api/accounts", {
      name,
      email,
      password,
      isAdmin: false,
      locale,
    });
    return { email, id: created.id as string };
  };
  const secretariat = await account("Daniyar Abenov", "secretariat");
  const delegate = await account("Alexander Lavrentiev", "russia");
  const hostDelegation = await hostDelegationId(request, processSlug, slugOf("kazakhstan"));
  if (hostDelegation) {
    await post(request, baseURL, `/api/delegations/${hostDelegation}/members`, { accountId: secretariat.id });
  }
  await context.close();
  return { processSlug, secretariat, delegate, hostDelegation };
}

/** The field shows this message next to it: marked invalid and described by the message. */
async function expectFieldError(field: Locator, message: string) {
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
}

async function expectNotice(page: Page, text: string | RegExp) {
  await expect(page.getByTestId("notices").getByText(text)).toBeVisible();
}

test.describe
  .serial("the secretariat's forms", () => {
    let setup: Setup;
    let roundUrl = "";

    test.beforeAll(async ({ browser, baseURL }) => {
      setup = await setUp(browser, baseURL ?? "");
    });

    test.beforeEach(async ({ page, baseURL }) => {
      expect(setup.hostDelegation, "the host's standing delegation is listed").not.toBeNull();
      await signInViaApi(page, baseURL ?? "", setup.secretariat.email, password);
    });

    test("plans round 23; an end before the start and a number used twice are refused next to the fields", async ({
      page,
    }) => {
      await page.goto("/secretariat");
      await expect(page).toHaveURL(new RegExp(`/secretariat/${setup.processSlug}$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(
        "Secretariat: International Meetings on Syria in the Astana format",
      );

      await page.getByRole("button", { name: "Plan a round" }).click();
      const dialog = page.getByRole("dialog", { name: "Plan a round" });
      await dialog.getByLabel("Number").fill("23");
      await expect(dialog.getByLabel("City")).toHaveValue("Astana");
      await dialog.getByLabel("Start date").fill("2027-03-16");
      await dialog.getByLabel("End date").fill("2027-03-15");
      await dialog.getByRole("button", { name: "Plan the round" }).click();
      await expectFieldError(dialog.getByLabel("End date"), "The end date is before the start date.");

      await dialog.getByLabel("Start date").fill("2027-03-15");
      await dialog.getByLabel("End date").fill("2027-03-16");
      // A double click sends one request: the second would be refused as a duplicate number.
      await dialog.getByRole("button", { name: "Plan the round" }).dblclick();
      await expectNotice(
        page,
        "Round 23 is planned. Only the process's delegations see it until it is announced.",
      );
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Round 23");
      roundUrl = new URL(page.url()).pathname;

      await page.getByRole("link", { name: "All rounds" }).click();
      await expect(page.getByTestId("rounds-table").getByRole("row")).toHaveCount(2);
      await page.getByRole("button", { name: "Plan a round" }).click();
      const again = page.getByRole("dialog", { name: "Plan a round" });
      await again.getByLabel("Number").fill("23");
      await again.getByRole("button", { name: "Plan the round" }).click();
      await expectFieldError(
        again.getByLabel("Number"),
        "This process already has a round 23. Choose another number.",
      );
      await page.screenshot({ path: path.join(shots, "secretariat-duplicate-number-en.png") });
      await again.getByRole("button", { name: "Cancel" }).click();
      await page.screenshot({ path: path.join(shots, "secretariat-rounds-en.png"), fullPage: true });
    });

    test("invites delegations; a delegation submits its list, is asked for a change, resubmits, and is accredited", async ({
      page,
      browser,
      baseURL,
    }) => {
      test.setTimeout(90_000);
      await page.goto(`${roundUrl}?tab=delegations`);
      await page.getByRole("combobox", { name: "Participants" }).click();
      await page.getByRole("option", { name: "Russia" }).click();
      await page.getByRole("option", { name: "Türkiye" }).click();
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "Invite", exact: true }).click();
      await expectNotice(page, "2 delegations invited.");
      const rows = page.getByTestId("delegations-table");
      await expect(rows.getByRole("row", { name: /Russia/ })).toContainText("Invited");
      await expect(rows.getByRole("row", { name: /Türkiye/ })).toContainText("Invited");

      // The delegate joins Russia's standing delegation (created by the invitation) through the API.
      const roundId = roundUrl.split("/").pop() ?? "";
      const invitations = await (await page.request.get(`/api/rounds/${roundId}/delegations`)).json();
      const russia = invitations.items.find(
        (item: { participant: { slug: string } }) => item.participant.slug === slugOf("russia"),
      );
      await post(page.request, baseURL ?? "", `/api/delegations/${russia.delegationId}/members`, {
        accountId: setup.delegate.id,
      });

      // The delegation submits its list.
      const delegateContext = await browser.newContext({ baseURL });
      const delegatePage = await delegateContext.newPage();
      await signInViaApi(delegatePage, baseURL ?? "", setup.delegate.email, password);
      await delegatePage.goto("/my-delegation");
      await delegatePage.getByRole("link", { name: "Submit the list of members" }).click();
      await expect(delegatePage.getByRole("heading", { level: 1 })).toHaveText(
        "Delegation of Russia to round 23",
      );
      const first = delegatePage.getByTestId("member-row").nth(0);
      await first.getByLabel("Name in own script").fill("Александр Лаврентьев");
      await first.getByLabel("Name in Latin letters").fill("Alexander Lavrentiev");
      await first.getByLabel("Title").fill("Special Presidential Envoy for Syria");
      await expect(
        first.getByRole("radio", { name: "Alexander Lavrentiev is the head of delegation" }),
      ).toBeChecked();
      await delegatePage.getByRole("button", { name: "Add a member" }).click();
      const second = delegatePage.getByTestId("member-row").nth(1);
      await delegatePage.getByRole("button", { name: "Submit the list" }).click();
      await expectFieldError(second.getByLabel("Name in Latin letters"), "Required.");
      await second.getByLabel("Name in Latin letters").fill("Alexander Kinshchak");
      await delegatePage.getByRole("button", { name: "Submit the list" }).click();
      await expectNotice(delegatePage, "The list (2 members) is submitted for accreditation.");
      await expect(delegatePage.getByText("List submitted")).toBeVisible();

      // The secretariat sees it (its list is checked every 15 s; a reload shows it at once), asks for a change.
      await page.reload();
      const russiaRow = rows.getByRole("row", { name: /Russia/ });
      await expect(russiaRow).toContainText("List submitted");
      await expect(russiaRow).toContainText("Alexander Lavrentiev");
      await page.getByRole("button", { name: "Ask the delegation of Russia for changes" }).click();
      const ask = page.getByRole("dialog", { name: "Ask the delegation of Russia for changes" });
      await ask.getByRole("button", { name: "Ask for changes" }).click();
      await expectFieldError(ask.getByLabel("What should the delegation change?"), "Required.");
      await ask
        .getByLabel("What should the delegation change?")
        .fill("Please give the second member's name in Cyrillic too.");
      await ask.getByRole("button", { name: "Ask for changes" }).click();
      await expectNotice(page, "The list of Russia was sent back with your note.");
      await expect(russiaRow).toContainText("Changes requested");

      // The delegation reads the note and resubmits.
      await expect(delegatePage.getByTestId("changes-requested")).toContainText(
        "Please give the second member's name in Cyrillic too.",
        { timeout: 10_000 },
      );
      await second.getByLabel("Name in own script").fill("Александр Кинщак");
      await delegatePage.getByRole("button", { name: "Submit the list" }).click();
      await expectNotice(delegatePage, "The list (2 members) is submitted for accreditation.");

      // The secretariat accredits it.
      await page.reload();
      await expect(russiaRow).toContainText("List submitted");
      await page.getByRole("button", { name: "Accredit the delegation of Russia" }).click();
      const accredit = page.getByRole("dialog", { name: "Accredit the delegation of Russia" });
      await expect(accredit.getByTestId("members-table")).toContainText("Александр Кинщак");
      await accredit.getByRole("button", { name: "Accredit" }).click();
      await expectNotice(page, "The delegation of Russia is accredited.");
      await expect(russiaRow).toContainText("Accredited");
      await expect(delegatePage.getByText("Your delegation is accredited.")).toBeVisible({ timeout: 10_000 });
      await page.screenshot({ path: path.join(shots, "secretariat-delegations-en.png"), fullPage: true });

      // The list of participants, in the order chosen, and its printable page.
      await page.getByRole("tab", { name: "List of participants" }).click();
      await expect(page.getByTestId("participants-list")).toContainText("Alexander Lavrentiev");
      const print = page.getByRole("link", { name: "Print" });
      const href = (await print.getAttribute("href")) ?? "";
      expect(href).toContain("participants-list.html?lang=en&order=english_alphabetical");
      const printable = await page.request.get(href);
      expect(printable.headers()["content-type"]).toContain("text/html");
      expect(await printable.text()).toContain("Alexander Lavrentiev");

      // A custom order: Türkiye moved before Russia, kept for the round, and printed in that order.
      await page.getByRole("radio", { name: "Custom" }).check();
      const custom = page.getByTestId("custom-order").getByRole("listitem");
      await expect(custom).toHaveText([/Russia/, /Türkiye/]);
      await page.getByRole("button", { name: "Move Türkiye up" }).click();
      await expect(custom).toHaveText([/Türkiye/, /Russia/]);
      await page.getByRole("button", { name: "Save as the round's order" }).click();
      await expectNotice(page, "The order of precedence of round 23 is saved.");
      expect(await print.getAttribute("href")).toContain("order=custom");
      const round = await (await page.request.get(`/api/rounds/${roundId}`)).json();
      expect(round.precedence.order).toBe("custom");
      expect(round.precedence.customOrder).toHaveLength(2);

      await delegatePage.setViewportSize({ width: 375, height: 800 });
      await delegatePage.reload();
      await expect(delegatePage.getByTestId("members-table")).toContainText("Alexander Kinshchak");
      await expectNoHorizontalOverflow(delegatePage);
      await delegatePage.screenshot({ path: path.join(shots, "delegation-list-phone.png"), fullPage: true });
      await delegateContext.close();
    });

    test("a save from a second tab opened on an older version is refused as changed by someone else", async ({
      page,
      context,
    }) => {
      await page.goto(roundUrl);
      await page.getByRole("button", { name: "Edit", exact: true }).click();
      const first = page.getByRole("dialog", { name: "Edit round 23" });
      await expect(first.getByLabel("Venue")).toHaveValue("Ritz-Carlton Hotel");

      const otherTab = await context.newPage();
      await otherTab.goto(roundUrl);
      await otherTab.getByRole("button", { name: "Edit", exact: true }).click();
      const second = otherTab.getByRole("dialog", { name: "Edit round 23" });
      await second.getByLabel("Venue").fill("Palace of Independence");
      await second.getByRole("button", { name: "Save" }).click();
      await expectNotice(otherTab, "Round 23 is saved.");

      await first.getByLabel("City").fill("Nur-Sultan");
      await first.getByRole("button", { name: "Save" }).click();
      const conflict = first.getByTestId("stale-alert");
      await expect(conflict).toContainText("Changed by someone else");
      await page.screenshot({ path: path.join(shots, "secretariat-stale-en.png") });
      await conflict.getByRole("button", { name: "Reload the current version" }).click();
      await expect(first.getByLabel("Venue")).toHaveValue("Palace of Independence");
      await expect(first.getByLabel("City")).toHaveValue("Astana");
      await first.getByRole("button", { name: "Save" }).click();
      await expectNotice(page, "Round 23 is saved.");
      await otherTab.close();
    });

    test("announces round 23, and a public visitor sees it announced", async ({ page, browser, baseURL }) => {
      await page.goto(roundUrl);
      await page.getByRole("button", { name: "Announce", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: "Announce round 23" });
      await dialog.getByRole("button", { name: "Announce" }).click();
      await expectFieldError(dialog.getByLabel("Text of the announcement"), "Required.");
      await dialog
        .getByLabel("Text of the announcement")
        .fill(
          "The 23rd International Meeting on Syria in the Astana format will be held on 15–16 March 2027.",
        );
      await dialog.getByRole("button", { name: "Announce" }).click();
      await expectNotice(page, "Round 23 is announced and now public.");
      await expect(page.getByTestId("announcement")).toContainText("The 23rd International Meeting");

      const visitor = await browser.newContext({ baseURL });
      const visitorPage = await visitor.newPage();
      const rounds = await (
        await visitorPage.request.get(`/api/processes/${setup.processSlug}/rounds`)
      ).json();
      expect(
        rounds.items.map((round: { number: number; status: string }) => [round.number, round.status]),
      ).toEqual([[23, "announced"]]);
      await visitorPage.goto(`/processes/${setup.processSlug}`);
      const table = visitorPage.getByTestId("rounds-table");
      await expect(table).toBeVisible();
      await expect(table.getByRole("row", { name: /23/ })).toContainText("Announced");
      await visitor.close();
    });

    test("the workspace reads in Arabic, right to left, and fits a phone", async ({ page }) => {
      await page.addInitScript(() => window.localStorage.setItem("astana.locale", "ar"));
      await page.goto(`${roundUrl}?tab=delegations`);
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("الجولة 23");
      await expect(page.getByTestId("delegations-table")).toContainText("معتمَد");
      await page.screenshot({ path: path.join(shots, "secretariat-delegations-ar.png"), fullPage: true });

      await page.setViewportSize({ width: 375, height: 800 });
      for (const [tab, content] of [
        ["", "announcement"],
        ["?tab=delegations", "delegations-table"],
        ["?tab=list", "participants-list"],
      ] as const) {
        await page.goto(`${roundUrl}${tab}`);
        await expect(page.getByTestId(content).first()).toBeVisible();
        await expectNoHorizontalOverflow(page);
      }
      await page.screenshot({ path: path.join(shots, "secretariat-list-ar-phone.png"), fullPage: true });
      await page.goto(`/secretariat/${setup.processSlug}`);
      await expect(page.getByTestId("rounds-table")).toContainText("معلَن عنها");
      await expectNoHorizontalOverflow(page);
      await page.screenshot({ path: path.join(shots, "secretariat-rounds-ar-phone.png"), fullPage: true });
    });

    test("opens and concludes round 23, records its decision on the next round, postpones and cancels round 24, suspends and resumes the process", async ({
      page,
      baseURL,
    }) => {
      test.setTimeout(90_000);
      await page.goto(roundUrl);
      await page.getByRole("button", { name: "Open the session", exact: true }).click();
      await page
        .getByRole("dialog", { name: "Open the session of round 23" })
        .getByRole("button", { name: "Open the session" })
        .click();
      await expectNotice(page, "Round 23 is in session.");
      await page.getByRole("button", { name: "Conclude", exact: true }).click();
      await page
        .getByRole("dialog", { name: "Conclude round 23" })
        .getByRole("button", { name: "Conclude the round" })
        .click();
      await expectNotice(page, "Round 23 is concluded.");
      await expect(page.getByText("Concluded", { exact: true }).first()).toBeVisible();

      await page.getByRole("button", { name: "Record the decision" }).click();
      const decision = page.getByRole("dialog", { name: "Decision on the next round" });
      await decision.getByLabel("The decision as worded").fill("in Astana, in the second half of 2027");
      await decision.getByLabel("City").fill("Astana");
      await decision.getByLabel("Window from").fill("2027-12-31");
      await decision.getByLabel("Window until").fill("2027-07-01");
      await decision.getByRole("button", { name: "Save" }).click();
      await expectFieldError(decision.getByLabel("Window until"), "The end date is before the start date.");
      await decision.getByLabel("Window from").fill("2027-07-01");
      await decision.getByLabel("Window until").fill("2027-12-31");
      await decision.getByRole("button", { name: "Save" }).click();
      await expectNotice(page, "The decision of round 23 on the next round is saved.");
      await expect(page.getByText("“in Astana, in the second half of 2027”")).toBeVisible();

      await post(page.request, baseURL ?? "", `/api/processes/${setup.processSlug}/rounds`, {
        number: 24,
        startDate: "2027-09-01",
        endDate: "2027-09-02",
      });
      await page.goto(`/secretariat/${setup.processSlug}`);
      await page.getByRole("button", { name: "Actions for round 24" }).click();
      await page.getByRole("menuitem", { name: "Postpone" }).click();
      const postpone = page.getByRole("dialog", { name: "Postpone round 24" });
      await postpone.getByRole("button", { name: "Postpone" }).click();
      await expectFieldError(postpone.getByLabel("Reason"), "Required.");
      await postpone.getByLabel("Reason").fill("At the request of the guarantors.");
      await postpone.getByLabel("New start date (if known)").fill("2027-10-02");
      await postpone.getByLabel("New end date (if known)").fill("2027-10-01");
      await postpone.getByRole("button", { name: "Postpone" }).click();
      await expectFieldError(
        postpone.getByLabel("New end date (if known)"),
        "The end date is before the start date.",
      );
      await postpone.getByLabel("New end date (if known)").fill("2027-10-03");
      await postpone.getByRole("button", { name: "Postpone" }).click();
      await expectNotice(page, "Round 24 is postponed.");
      const row24 = page.getByTestId("rounds-table").getByRole("row", { name: /Round 24/ });
      await expect(row24).toContainText("Postponed");
      await page.getByRole("button", { name: "Actions for round 24" }).click();
      await page.getByRole("menuitem", { name: "Cancel the round" }).click();
      const cancel = page.getByRole("dialog", { name: "Cancel round 24" });
      await cancel.getByLabel("Reason").fill("The guarantors could not agree on a date.");
      await cancel.getByRole("button", { name: "Cancel the round" }).click();
      await expectNotice(page, "Round 24 is cancelled.");
      await expect(row24).toContainText("Cancelled");
      await expect(page.getByRole("button", { name: "Actions for round 24" })).toHaveCount(1);

      await page.getByRole("link", { name: "Process", exact: true }).click();
      await page.getByRole("button", { name: "Suspend", exact: true }).click();
      const suspend = page.getByRole("dialog", { name: "Suspend the process" });
      await suspend.getByLabel("Decided or requested by").fill("Ministry of Foreign Affairs of Kazakhstan");
      await suspend
        .getByLabel("Text of the decision")
        .fill("The meetings are suspended until further notice.");
      await suspend.getByRole("button", { name: "Suspend the process" }).click();
      await expectNotice(page, "The process is suspended.");
      await page.getByRole("button", { name: "Resume", exact: true }).click();
      const resume = page.getByRole("dialog", { name: "Resume the process" });
      await resume.getByLabel("Decided or requested by").fill("Collective request of the guarantors");
      await resume.getByLabel("Text of the decision").fill("The meetings resume.");
      await resume.getByRole("button", { name: "Resume the process" }).click();
      await expectNotice(page, "The process is resumed.");
      await expect(page.getByText("Active", { exact: true }).first()).toBeVisible();
    });
  });
