import { expect, test } from "@playwright/test";
import { expectNoHorizontalOverflow } from "./helpers.ts";
import { csv, governmentMapping, governmentRows, oppositionRows } from "./humanitarian-lists.ts";
import { type HumCast, setUpWorkingGroup } from "./humanitarian-setup.ts";
import { newSlugs, pageAs } from "./secretariat-setup.ts";

// Issue 18's story in the browser: the government and the opposition each upload a list (the
// government's with its own column names, mapped, and a report of the rows refused); the ICRC runs
// matching, reviews the candidates by keyboard, confirms one and rejects one; a 5-for-5 exchange is
// planned, each release confirmed one by one (completing early is refused, with the server's reason),
// and completed; the opposition is refused the government's list with a message saying why;
// a case read in Arabic, right to left, on a phone.

const slugOf = newSlugs("hum");

test.describe
  .serial("the humanitarian working group (issue 18)", () => {
    let cast: HumCast;
    let governmentListUrl = "";
    test.describe.configure({ timeout: 120_000 });

    test.beforeAll(async ({ browser, baseURL }) => {
      cast = await setUpWorkingGroup(browser, baseURL, slugOf);
    });

    test("the government uploads its list: its columns mapped, the preview and its report, then the import", async ({
      browser,
      baseURL,
    }) => {
      const page = await pageAs(browser, baseURL ?? "", cast.government);
      await page.goto(`/processes/${cast.processSlug}/humanitarian`);
      await page.getByRole("link", { name: "Upload a list" }).click();
      await expect(page.getByRole("heading", { name: "Upload a list", level: 1 })).toBeVisible();
      await page.getByLabel("Title").fill("Government list, December");
      await page.getByLabel("List file").setInputFiles({
        name: "government.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(csv(governmentRows)),
      });
      await page.getByRole("button", { name: "Read the file" }).click();
      await expect(page.getByText("Step 2 of 3")).toBeVisible();
      await expect(page.getByText(/The file's columns: الاسم, اسم الأب/)).toBeVisible();
      for (const [ours, theirs] of governmentMapping)
        await page.getByLabel(ours, { exact: true }).selectOption(theirs);
      await page.getByRole("button", { name: "Preview" }).click();
      await expect(page.getByText("Step 3 of 3")).toBeVisible();
      const report = page.getByTestId("upload-report");
      await expect(report).toContainText("Rows: 9");
      await expect(report).toContainText("valid: 7");
      await expect(page.getByText("Read as CSV, encoding utf-8")).toBeVisible();
      // The row given twice and the date that reads two ways are named, with why, before anything is written.
      const refused = page.getByTestId("rejected-rows").or(page.getByTestId("flagged-rows"));
      await expect(refused.first()).toBeVisible();
      await expect(page.getByText(/duplicated row/).first()).toBeVisible();
      await expect(page.getByText(/ambiguous date/).first()).toBeVisible();
      // Each finding names its field by its label, beside the row's number: row 10's birth reads two ways.
      const ambiguous = page
        .getByTestId("rejected-rows")
        .getByRole("row")
        .filter({ hasText: "Birth date or year: ambiguous date" });
      await expect(ambiguous.getByRole("cell").first()).toHaveText("10");
      await expect(page.getByTestId("rejected-rows")).not.toContainText("birth:");
      // The preview shows the names as mapped, the Arabic right to left.
      await expect(page.locator('[lang="ar"]', { hasText: "محمد أحمد الخطيب" }).first()).toHaveAttribute(
        "dir",
        "rtl",
      );
      await page.getByRole("button", { name: "Import 7 valid rows" }).click();
      await expect(page.getByText("Imported: 7 cases created.")).toBeVisible();
      await page.getByRole("link", { name: "Open the list" }).click();
      await expect(page.getByRole("heading", { name: "Government list, December", level: 1 })).toBeVisible();
      await expect(page.getByTestId("entry-row")).toHaveCount(7);
      governmentListUrl = new URL(page.url()).pathname;
      // The same file again is refused, and says so.
      await page.goto(`/processes/${cast.processSlug}/humanitarian/lists/new`);
      await page.getByLabel("List file").setInputFiles({
        name: "government.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(csv(governmentRows)),
      });
      await page.getByRole("button", { name: "Read the file" }).click();
      for (const [ours, theirs] of governmentMapping)
        await page.getByLabel(ours, { exact: true }).selectOption(theirs);
      await page.getByRole("button", { name: "Preview" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "The file was refused" })).toContainText(
        "This file was already uploaded in this process",
      );
      await page.context().close();
    });

    test("the opposition uploads its list in our template", async ({ browser, baseURL }) => {
      const page = await pageAs(browser, baseURL ?? "", cast.opposition);
      await page.goto(`/processes/${cast.processSlug}/humanitarian/lists/new`);
      await page.getByLabel("Title").fill("Opposition list, December");
      await page.getByLabel("List file").setInputFiles({
        name: "opposition.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(csv(oppositionRows)),
      });
      await page.getByRole("button", { name: "Read the file" }).click();
      // Our template's names need no mapping: each is chosen already.
      await expect(page.getByLabel("Given name (Arabic)", { exact: true })).toHaveValue("given_ar");
      await page.getByRole("button", { name: "Preview" }).click();
      await expect(page.getByTestId("upload-report")).toContainText("Rows: 7; valid: 7; rejected: 0");
      await page.getByRole("button", { name: "Import 7 valid rows" }).click();
      await expect(page.getByText("Imported: 7 cases created.")).toBeVisible();
      await page.context().close();
    });

    test("the opposition is refused the government's list, clearly", async ({ browser, baseURL }) => {
      const page = await pageAs(browser, baseURL ?? "", cast.opposition);
      await page.goto(governmentListUrl);
      await expect(page.getByRole("alert")).toContainText("never by the other side");
      await expect(page.getByText("محمد")).toHaveCount(0);
      await page.goto(`/processes/${cast.processSlug}/humanitarian`);
      await expect(page.getByTestId("list-row")).toHaveCount(1);
      await expect(page.getByTestId("list-row")).toContainText("Opposition list, December");
      await page.context().close();
      // The refusal's audit entry carries the list's tier, which no audit reader of the browser holds
      // (administrators read entries of no process; the host secretariat is not the intermediary):
      // test/humanitarian/story.test.ts checks it in the database.
    });

    test("the ICRC runs matching, reviews by keyboard, confirms one candidate and rejects one", async ({
      browser,
      baseURL,
    }) => {
      const page = await pageAs(browser, baseURL ?? "", cast.icrc);
      await page.goto(`/processes/${cast.processSlug}/humanitarian`);
      await page.getByRole("link", { name: "Review queue" }).click();
      await expect(page.getByRole("heading", { name: "Review queue", level: 1 })).toBeVisible();
      await page
        .getByLabel("List", { exact: true })
        .selectOption({ label: "Government list, December (Government of the Syrian Arab Republic)" });
      await page
        .getByLabel("Against the list")
        .selectOption({ label: "Opposition list, December (Syrian armed opposition)" });
      await page.getByLabel("Threshold (0–1)").fill("0.3");
      await page.getByRole("button", { name: "Run matching" }).click();
      await expect(page.getByText("Matching done: 100%")).toBeVisible({ timeout: 30_000 });
      const candidates = page.getByTestId("candidate");
      await expect(candidates.nth(1)).toBeVisible();
      const total = await candidates.count();
      // Best first, the first one current; each field's verdict in words beside its colour.
      await expect(candidates.first()).toHaveAttribute("aria-current", "true");
      await expect(candidates.first().locator("[data-verdict]").first()).toBeVisible();
      await expect(page.getByTestId("queue-progress")).toContainText(`Decided 0 of ${total}`);
      // j and k move.
      await page.keyboard.press("j");
      await expect(candidates.nth(1)).toHaveAttribute("aria-current", "true");
      await page.keyboard.press("k");
      await expect(candidates.first()).toHaveAttribute("aria-current", "true");
      // The same person spelt two ways, side by side: chosen, then confirmed with c after its reason.
      const same = candidates.filter({ hasText: "Muhammad" }).filter({ hasText: "Mohammed" });
      await same.getByRole("heading").click();
      await expect(same).toHaveAttribute("aria-current", "true");
      await expect(same).toContainText("محمد");
      await expect(same).toContainText(/agree/);
      // Where each person comes from, and when they were taken, which no verdict scores.
      await expect(same.getByTestId("candidate-source")).toContainText([
        /Government of the Syrian Arab Republic · list “Government list, December”, row 2/,
        /Syrian armed opposition · list “Opposition list, December”, row \d+/,
      ]);
      await expect(same.getByTestId("unscored-field")).toHaveCount(3);
      await expect(same.getByTestId("unscored-field").filter({ hasText: "2015-03-01" })).toHaveCount(1);
      await page.keyboard.press("c");
      await expect(page.getByRole("alert")).toContainText("Say why first");
      await page.getByLabel("Reason").fill("Same parents, birth year, origin and detention");
      await page.keyboard.press("Escape");
      await page.keyboard.press("c");
      await expect(
        page.getByRole("status").filter({ hasText: "Confirmed: both now belong to one case." }),
      ).toBeVisible();
      await expect(page.getByTestId("queue-progress")).toContainText(`Decided 1 of ${total}`);
      // Two men named Omar Khaled al-Halabi, detained years apart in different places: rejected with the button.
      const omar = candidates.filter({ hasText: "Omar" });
      await omar.first().getByRole("heading").click();
      await page.getByLabel("Reason").fill("Detained in Daraa in 2012, not in Hama in 2014: a namesake");
      await page.getByRole("button", { name: "Reject: different people" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Rejected." })).toBeVisible();
      await expect(page.getByTestId("queue-progress")).toContainText(`Decided 2 of ${total}`);
      await page.locator("label", { hasText: /^Confirmed$/ }).click();
      await expect(candidates).toHaveCount(1);
      await expect(candidates.first()).toContainText("Same parents, birth year, origin and detention");
      await page.context().close();
    });

    test("the ICRC plans a 5-for-5 exchange, confirms each release one by one and completes it", async ({
      browser,
      baseURL,
    }) => {
      const page = await pageAs(browser, baseURL ?? "", cast.icrc);
      await page.goto(`/processes/${cast.processSlug}/humanitarian/exchanges`);
      await page.getByRole("textbox", { name: "Date", exact: true }).fill("2026-12-20");
      await page.getByRole("textbox", { name: "Place", exact: true }).fill("Abu al-Zindeen crossing");
      await page
        .getByLabel("First side", { exact: true })
        .selectOption({ label: "Government of the Syrian Arab Republic" });
      await page
        .getByLabel("Second side", { exact: true })
        .selectOption({ label: "Syrian armed opposition" });
      await page.getByLabel("First side releases").fill("5");
      await page.getByLabel("Second side releases").fill("5");
      await page.getByRole("button", { name: "Plan the exchange" }).click();
      await expect(
        page.getByRole("heading", { name: "Exchange of 2026-12-20, Abu al-Zindeen crossing" }),
      ).toBeVisible();
      await expect(page.getByText("5 for 5")).toBeVisible();
      const people = page.getByTestId("exchange-person");
      for (const [releasing, from] of [
        ["Government of the Syrian Arab Republic", 0],
        ["Syrian armed opposition", 5],
      ] as const) {
        await page.getByLabel("Released by", { exact: true }).selectOption({ label: releasing });
        for (let n = 1; n <= 5; n++) {
          await page.getByRole("button", { name: "Add", exact: true }).click();
          await expect(people).toHaveCount(from + n);
        }
      }
      // Completing before every release is confirmed is refused, with the server's reason.
      await page.getByRole("button", { name: "Complete the exchange" }).click();
      await expect(page.getByRole("alert")).toContainText(
        "10 release(s) not yet confirmed by the intermediary.",
      );
      for (let n = 1; n <= 10; n++) {
        await page
          .getByRole("button", { name: /^Confirm the release of/ })
          .first()
          .click();
        await expect(page.getByText(`Releases confirmed: ${n} of 10`)).toBeVisible();
      }
      await page.getByRole("button", { name: "Complete the exchange" }).click();
      await expect(page.getByText("Exchange completed: every case is now released.")).toBeVisible();
      await expect(people.getByText("Released", { exact: true })).toHaveCount(10);
      await page.goto(`/processes/${cast.processSlug}/humanitarian/exchanges`);
      await expect(page.getByTestId("exchange-row").filter({ hasText: "Completed" })).toHaveCount(1);
      await expect(page.getByTestId("timeline-row")).toHaveCount(1);
      await page.context().close();
    });

    test("the government reads its case in Arabic, right to left, on a phone", async ({
      browser,
      baseURL,
    }) => {
      const page = await pageAs(browser, baseURL ?? "", cast.government);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(governmentListUrl);
      await page.getByRole("link", { name: "Open the case" }).first().click();
      await expect(page.getByRole("heading", { name: "Status history" })).toBeVisible();
      await expect(page.getByTestId("case-side")).toHaveText(
        "Submitted by Government of the Syrian Arab Republic",
      );
      // Only the statuses its history allows: never the one it is in.
      await expect(page.getByLabel("Status", { exact: true }).locator("option")).not.toContainText([
        "Listed",
      ]);
      await expect(page.locator('[lang="ar"][dir="rtl"]').first()).toBeVisible();
      await page.getByTestId("language-switcher").click();
      await page.getByRole("menuitem", { name: "العربية" }).click();
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      await expect(page.getByRole("heading", { name: "سجل الأوضاع" })).toBeVisible();
      await expectNoHorizontalOverflow(page);
      await page.context().close();
    });
  });
