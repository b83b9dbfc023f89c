import { expect, test } from "@playwright/test";
import { admin, signInViaApi, uniqueEmail } from "./helpers.ts";
import {
  newSlugs,
  pageAs,
  password,
  planAnnouncedRound,
  post,
  type Setup,
  setUp,
} from "./secretariat-setup.ts";

// The joint statement of round 23 in the browser: the secretariat opens it from an earlier statement,
// Russia and Türkiye propose from their own browsers, the secretariat brackets, Russia takes a
// position, Türkiye withdraws, the secretariat accepts and the text is agreed ad referendum; a stale
// decision from a second browser is refused in words with the current text; every guarantor
// approves, the secretariat adopts and publishes, and a visitor reads the published text.

const slugOf = newSlugs("t");
const statement = `The Islamic Republic of Iran, the Russian Federation and the Republic of Türkiye as guarantors of the Astana format:
Reaffirming their strong commitment to the sovereignty of the Syrian Arab Republic,
1. Emphasized the importance of the Constitutional Committee in Geneva.
2. Decided to hold the next meeting in the second half of 2027.`;

test.describe
  .serial("negotiated texts: the joint statement of round 23", () => {
    let setup: Setup;
    let workspaceRound = "";
    const guarantors: Record<"russia" | "turkiye" | "iran", string> = { russia: "", turkiye: "", iran: "" };
    let textUrl = "";

    test.beforeAll(async ({ browser, baseURL }) => {
      const base = baseURL ?? "";
      setup = await setUp(browser, base, slugOf);
      workspaceRound = await planAnnouncedRound(browser, base, setup);
      // The secretariat invites the guarantors to round 23, which gives each its standing delegation.
      const host = await pageAs(browser, base, setup.secretariat.email);
      const roundId = workspaceRound.split("/").at(-1) ?? "";
      for (const who of ["russia", "turkiye", "iran"] as const)
        await post(host.request, base, `/api/rounds/${roundId}/delegations`, { participantId: slugOf(who) });
      await host.context().close();
      const context = await browser.newContext({ baseURL: base });
      const page = await context.newPage();
      await signInViaApi(page, base, admin.email, admin.password);
      const delegations = (await (
        await page.request.get(`/api/processes/${setup.processSlug}/delegations`)
      ).json()) as {
        items: { id: string; participant: { slug: string } }[];
      };
      for (const who of ["russia", "turkiye", "iran"] as const) {
        const email = uniqueEmail(who);
        const account = await post(page.request, base, "/api/accounts", {
          name: `Delegate of ${who}`,
          email,
          password,
          isAdmin: false,
          locale: "en",
        });
        const delegation = delegations.items.find((item) => item.participant.slug === slugOf(who));
        await post(page.request, base, `/api/delegations/${delegation?.id}/members`, {
          accountId: account.id,
        });
        guarantors[who] = email;
      }
      await context.close();
    });

    test("the secretariat opens the statement from pasted text; numbering is automatic", async ({
      page,
      baseURL,
    }) => {
      await signInViaApi(page, baseURL ?? "", setup.secretariat.email, password);
      await page.goto(workspaceRound);
      await page.getByRole("tab", { name: "Texts" }).click();
      await page.getByLabel("Title").fill("Joint Statement on the 23rd International Meeting on Syria");
      await page.getByLabel("Earlier text (optional)").fill(statement);
      await page.getByRole("button", { name: "Open the text" }).click();
      await expect(page).toHaveURL(/\/texts\//);
      textUrl = new URL(page.url()).pathname;
      const compilation = page.getByTestId("compilation");
      await expect(compilation.getByTestId("paragraph")).toHaveCount(4);
      await expect(compilation).toContainText("1. Emphasized the importance");
      await expect(compilation).toContainText("2. Decided to hold");
    });

    test("Russia and Türkiye propose from their browsers; the secretariat brackets; a position is taken", async ({
      browser,
      baseURL,
    }) => {
      const base = baseURL ?? "";
      const russia = await pageAs(browser, base, guarantors.russia);
      const turkiye = await pageAs(browser, base, guarantors.turkiye);
      const secretariat = await pageAs(browser, base, setup.secretariat.email);
      for (const page of [russia, turkiye, secretariat]) await page.goto(textUrl);

      for (const [page, words] of [
        [russia, "in Geneva and called for its early resumption"],
        [turkiye, "under UN auspices"],
      ] as const) {
        const form = page.getByTestId("propose-form");
        const choice = await form.locator("option", { hasText: "1. Emphasized" }).getAttribute("value");
        await form.getByLabel("Paragraph").selectOption(choice ?? "");
        await form.getByLabel("Words to replace, exactly as they stand").fill("in Geneva");
        await form.getByLabel("New wording (empty: delete the words)").fill(words);
        await form.getByRole("button", { name: "Propose" }).click();
      }
      // Each sees the other's proposal live, without reloading.
      await expect(russia.getByTestId("proposal")).toHaveCount(2);
      await expect(secretariat.getByTestId("proposal")).toHaveCount(2);

      for (let i = 0; i < 2; i += 1) {
        await secretariat
          .getByTestId("proposal")
          .filter({ has: secretariat.getByText("open", { exact: true }) })
          .first()
          .getByRole("button", { name: "Bracket" })
          .click();
        await expect(
          secretariat
            .getByTestId("proposal")
            .filter({ has: secretariat.getByText("bracketed", { exact: true }) }),
        ).toHaveCount(i + 1);
      }
      const bracket = russia.getByTestId("bracket");
      await expect(bracket).toContainText("A: in Geneva");
      await expect(bracket).toContainText("B: in Geneva and called for its early resumption");
      await expect(bracket).toContainText("C: under UN auspices (Türkiye)");
      await russia.getByLabel("Your position on option B").selectOption("supports");
      await expect(turkiye.getByTestId("bracket")).toContainText("Russia: supports");
      for (const page of [russia, turkiye, secretariat]) await page.context().close();
    });

    test("Türkiye withdraws; a stale decision from a second browser is refused in words; the secretariat accepts", async ({
      browser,
      baseURL,
    }) => {
      const base = baseURL ?? "";
      const turkiye = await pageAs(browser, base, guarantors.turkiye);
      const first = await pageAs(browser, base, setup.secretariat.email);
      const second = await pageAs(browser, base, setup.secretariat.email);
      // The second browser hears no live updates (as a laptop whose connection dropped).
      await second.route("**/api/events**", (route) => route.abort());
      for (const page of [turkiye, first, second]) await page.goto(textUrl);
      await expect(second.getByTestId("proposal")).toHaveCount(2);

      await turkiye
        .getByTestId("proposal")
        .filter({ hasText: "Türkiye" })
        .getByRole("button", { name: "Withdraw" })
        .click();
      await expect(first.getByTestId("proposal").filter({ hasText: "Türkiye" })).toContainText("withdrawn");

      await second
        .getByTestId("proposal")
        .filter({ hasText: "Russia" })
        .getByRole("button", { name: "Accept into the text" })
        .click();
      await expect(second.getByTestId("change-error")).toContainText(
        "Someone changed the text since you loaded it",
      );
      await expect(second.getByTestId("proposal").filter({ hasText: "Türkiye" })).toContainText("withdrawn");

      await second
        .getByTestId("proposal")
        .filter({ hasText: "Russia" })
        .getByRole("button", { name: "Accept into the text" })
        .click();
      await expect(second.getByTestId("bracket")).toHaveCount(0);
      await expect(second.getByTestId("compilation")).toContainText(
        "1. Emphasized the importance of the Constitutional Committee in Geneva and called for its early resumption.",
      );
      for (const page of [turkiye, first, second]) await page.context().close();
    });

    test("agreed ad referendum, approved by every guarantor, adopted and published; a visitor reads it", async ({
      browser,
      baseURL,
    }) => {
      // Four paragraphs agreed, three guarantors' approvals in their own browsers, adoption, publication.
      test.setTimeout(90_000);
      const base = baseURL ?? "";
      const secretariat = await pageAs(browser, base, setup.secretariat.email);
      await secretariat.goto(textUrl);
      const paragraphs = secretariat.getByTestId("paragraph");
      for (let i = 0; i < 4; i += 1) {
        await paragraphs.nth(i).getByRole("combobox").selectOption("ad_referendum");
        await expect(paragraphs.nth(i)).toHaveAttribute("data-state", "ad_referendum");
      }
      await expect(secretariat.getByRole("button", { name: "Adopt" })).toHaveCount(0);
      for (const who of ["russia", "turkiye", "iran"] as const) {
        const page = await pageAs(browser, base, guarantors[who]);
        await page.goto(textUrl);
        await page.getByRole("button", { name: /Approve version/ }).click();
        await expect(page.getByText(/approved$/).first()).toBeVisible();
        await page.context().close();
      }
      await secretariat.getByRole("button", { name: "Adopt" }).click();
      await expect(secretariat.getByTestId("document-status")).toHaveText("Adopted");
      await secretariat.getByRole("button", { name: "Publish" }).click();
      await expect(secretariat.getByTestId("document-status")).toHaveText("Published");
      await secretariat.context().close();

      const visitor = await (await browser.newContext({ baseURL: base })).newPage();
      await visitor.goto(textUrl);
      await expect(visitor.getByTestId("document-status")).toHaveText("Published");
      await expect(visitor.getByText("Adopted by Iran, Russia, Türkiye")).toBeVisible();
      await expect(visitor.getByTestId("compilation")).toContainText("early resumption");
      await expect(visitor.getByTestId("proposal")).toHaveCount(0);
      await visitor.context().close();
    });
  });
