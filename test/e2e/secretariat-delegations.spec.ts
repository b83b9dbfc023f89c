import path from "node:path";
import { expect, test } from "@playwright/test";
import { expectNoHorizontalOverflow, signInViaApi } from "./helpers.ts";
import {
  expectFieldError,
  expectNotice,
  newSlugs,
  password,
  planAnnouncedRound,
  post,
  type Setup,
  setUp,
  shots,
} from "./secretariat-setup.ts";

// The secretariat's delegation forms, end to end: on round 23 (planned and announced through the API),
// the host secretariat invites delegations, a delegation submits its list, the secretariat asks for a
// change and then accredits it and sets the order of precedence; the workspace then reads in Arabic
// and fits a phone.

const slugOf = newSlugs("d");

test.describe
  .serial("the secretariat's forms: delegations", () => {
    let setup: Setup;
    let roundUrl = "";

    test.beforeAll(async ({ browser, baseURL }) => {
      setup = await setUp(browser, baseURL ?? "", slugOf);
      roundUrl = await planAnnouncedRound(browser, baseURL ?? "", setup);
    });

    test.beforeEach(async ({ page, baseURL }) => {
      expect(setup.hostDelegation, "the host's standing delegation is listed").not.toBeNull();
      await signInViaApi(page, baseURL ?? "", setup.secretariat.email, password);
    });

    test("invites delegations; a delegation submits its list, is asked for a change, resubmits, and is accredited", async ({
      page,
      browser,
      baseURL,
    }) => {
      test.setTimeout(90_000);
      await page.goto(`${roundUrl}?tab=delegations`);
      await page.getByRole("combobox", { name: "Participants" }).click();
      // Other specs on this server make their own "Russia" and "Türkiye": choose this setup's by id.
      for (const who of ["russia", "turkiye"]) {
        const participant = await (await page.request.get(`/api/participants/${slugOf(who)}`)).json();
        await page.locator(`[role="option"][value="${participant.id}"]`).click();
      }
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "Invite", exact: true }).click();
      // What was done is said by name, and the invited leave the field.
      await expect(page.getByTestId("invite-done")).toHaveText("2 delegations invited: Russia and Türkiye.");
      await expectNotice(page, "2 delegations invited: Russia and Türkiye.");
      const inviteForm = page.getByRole("form", { name: "Invite delegations" });
      await expect(inviteForm.locator(".mantine-Pill-root")).toHaveCount(0);
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

    test("invites everyone with a role in one action; a second click invites nobody twice", async ({
      page,
    }) => {
      await page.goto(`${roundUrl}?tab=delegations`);
      const form = page.getByRole("form", { name: "Invite everyone with a role" });
      await form.getByRole("button", { name: "Invite everyone with these roles" }).click();
      await expect(form).toContainText("Choose at least one role.");
      await form.getByRole("checkbox", { name: "Guarantor" }).check();
      await form.getByRole("button", { name: "Invite everyone with these roles" }).click();
      await expect(page.getByTestId("invite-by-role-done")).toHaveText(
        "1 delegation invited: Iran. Already invited: Russia and Türkiye.",
      );
      await expect(page.getByTestId("delegations-table").getByRole("row", { name: /Iran/ })).toContainText(
        "Invited",
      );
      await expect(form.getByRole("checkbox", { name: "Guarantor" })).not.toBeChecked();
      await form.getByRole("checkbox", { name: "Guarantor" }).check();
      await form.getByRole("button", { name: "Invite everyone with these roles" }).click();
      await expect(page.getByTestId("invite-by-role-done")).toContainText(
        "Nobody new to invite: everyone holding these roles is invited already.",
      );
      await expect(page.getByTestId("delegations-table").getByRole("row", { name: /Iran/ })).toHaveCount(1);
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
  });
