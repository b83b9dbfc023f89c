import path from "node:path";
import { expect, test } from "@playwright/test";
import { signInViaApi } from "./helpers.ts";
import {
  expectFieldError,
  expectNotice,
  newSlugs,
  password,
  post,
  type Setup,
  setUp,
  shots,
} from "./secretariat-setup.ts";

// The secretariat's round forms, end to end: the host secretariat plans round 23 in the browser,
// edits it, announces it, and a public visitor sees it; then it opens and concludes it, postpones and
// cancels round 24, suspends and resumes the process. Bad inputs along the way: end before start, a
// round number used twice, a save from a stale second tab.

const slugOf = newSlugs("r");

test.describe
  .serial("the secretariat's forms: rounds", () => {
    let setup: Setup;
    let roundUrl = "";

    test.beforeAll(async ({ browser, baseURL }) => {
      setup = await setUp(browser, baseURL ?? "", slugOf);
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
      // The English name is marked required, and is: the reader is told why.
      await expectFieldError(
        dialog.getByLabel("In English"),
        "Give the name in English: the record shows it wherever a language has no name of its own.",
      );
      await dialog.getByLabel("In English").fill("Astana-23");

      // A date in the past is warned of, not refused (past rounds are recorded too).
      await dialog.getByLabel("Start date").fill("2020-03-15");
      await expect(dialog.getByTestId("past-date")).toContainText("This date is in the past.");
      await dialog.getByLabel("Start date").fill("2027-03-15");
      await dialog.getByLabel("End date").fill("2027-03-16");
      await expect(dialog.getByTestId("past-date")).toHaveCount(0);
      // A double click sends one request: the second would be refused as a duplicate number.
      await dialog.getByRole("button", { name: "Plan the round" }).dblclick();
      await expectNotice(
        page,
        "Round 23 is planned. Only the process's delegations see it until it is announced.",
      );
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Astana-23");
      roundUrl = new URL(page.url()).pathname;

      await page.getByRole("link", { name: "All rounds" }).click();
      await expect(page.getByTestId("rounds-table").getByRole("row")).toHaveCount(2);
      await page.getByRole("button", { name: "Plan a round" }).click();
      const again = page.getByRole("dialog", { name: "Plan a round" });
      await again.getByLabel("Number").fill("23");
      await again.getByLabel("In English").fill("Astana-23 again");
      await again.getByRole("button", { name: "Plan the round" }).click();
      await expectFieldError(
        again.getByLabel("Number"),
        "This process already has a round 23. Choose another number.",
      );
      await page.screenshot({ path: path.join(shots, "secretariat-duplicate-number-en.png") });
      await again.getByRole("button", { name: "Cancel" }).click();
      await page.screenshot({ path: path.join(shots, "secretariat-rounds-en.png"), fullPage: true });
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
        names: { en: "Round 24" },
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
