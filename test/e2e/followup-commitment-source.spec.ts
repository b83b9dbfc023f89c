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

// A commitment made of an adopted text's operative paragraph, as its readers see it: a guarantor's
// delegate reads which paragraph of which text it comes from, follows the link and lands on that
// paragraph (in view, focused, marked); who is responsible is named. The public, before the text is
// published, is told it comes from a text not yet public, and sees no one's address.

const slugOf = newSlugs("fc");
const statement = `The Islamic Republic of Iran, the Russian Federation and the Republic of Türkiye as guarantors of the Astana format:
Reaffirming their strong commitment to the sovereignty of the Syrian Arab Republic,
1. Emphasized the importance of the Constitutional Committee in Geneva.
2. Agreed to maintain calm on the ground by fully implementing all arrangements on Idlib.
3. Decided to hold the next meeting in the second half of 2027.`;

test.describe
  .serial("a commitment from an adopted text's paragraph", () => {
    let setup: Setup;
    let commitmentPath = "";
    let russiaEmail = "";

    test.beforeAll(async ({ browser, baseURL }) => {
      const base = baseURL ?? "";
      setup = await setUp(browser, base, slugOf);
      const roundId = (await planAnnouncedRound(browser, base, setup)).split("/").at(-1) ?? "";
      const host = await pageAs(browser, base, setup.secretariat.email);
      for (const who of ["russia", "turkiye", "iran"] as const)
        await post(host.request, base, `/api/rounds/${roundId}/delegations`, { participantId: slugOf(who) });
      const adminPage = await pageAs(browser, base, null);
      await signInViaApi(adminPage, base, admin.email, admin.password);
      const delegations = (await (
        await adminPage.request.get(`/api/processes/${setup.processSlug}/delegations`)
      ).json()) as { items: { id: string; participant: { slug: string } }[] };
      const guarantors = [];
      for (const who of ["russia", "turkiye", "iran"] as const) {
        const email = uniqueEmail(who);
        const account = await post(adminPage.request, base, "/api/accounts", {
          name: `Delegate of ${who}`,
          email,
          password,
          isAdmin: false,
          locale: "en",
        });
        const delegation = delegations.items.find((item) => item.participant.slug === slugOf(who));
        await post(adminPage.request, base, `/api/delegations/${delegation?.id}/members`, {
          accountId: account.id,
        });
        guarantors.push(await pageAs(browser, base, email));
        if (who === "russia") russiaEmail = email;
      }
      const text = await post(host.request, base, `/api/rounds/${roundId}/texts`, {
        kind: "joint_statement",
        title: "Joint Statement of the 23rd meeting",
        plainText: statement,
      });
      const compiled = (await (await host.request.get(`/api/texts/${text.id}`)).json()) as {
        paragraphs: { id: string; kind: string }[];
      };
      let version = 1;
      for (const paragraph of compiled.paragraphs)
        version = (
          await post(
            host.request,
            base,
            `/api/texts/${text.id}/paragraphs/${paragraph.id}/state`,
            { baseVersion: version, state: "agreed" },
            200,
          )
        ).version;
      for (const guarantor of guarantors)
        await post(guarantor.request, base, `/api/texts/${text.id}/approve`, { baseVersion: version }, 200);
      await post(host.request, base, `/api/texts/${text.id}/adopt`, { baseVersion: version }, 200);
      for (const page of [host, adminPage, ...guarantors]) await page.context().close();
    });

    test("the secretariat records the commitment from the adopted text's second operative paragraph", async ({
      browser,
      baseURL,
    }) => {
      const page = await pageAs(browser, baseURL ?? "", setup.secretariat.email);
      await page.goto(`/processes/${setup.processSlug}/commitments`);
      const form = page.getByTestId("commitment-new");
      await form.getByLabel("Round", { exact: true }).selectOption({ label: "Round 23" });
      await form
        .getByLabel("Adopted text", { exact: true })
        .selectOption({ label: "Joint Statement of the 23rd meeting" });
      await form.getByLabel("Operative paragraph", { exact: true }).selectOption({ index: 2 });
      await expect(
        form.getByLabel("Operative paragraph", { exact: true }).locator("option:checked"),
      ).toContainText("2. Agreed to maintain calm");
      await form.getByLabel("Category", { exact: true }).selectOption("ceasefire");
      const responsible = form.getByLabel("Responsible");
      for (const name of ["Russia", "Türkiye"]) {
        await responsible.click();
        await responsible.fill(name);
        await page.getByRole("option", { name, exact: true }).click();
      }
      await page.keyboard.press("Escape");
      await form.getByLabel("Indicators").fill("No shelling of populated areas");
      await form.getByLabel("Identifier (optional)").fill("AST23-IDLIB");
      await form.getByRole("button", { name: "Record the commitment" }).click();
      await expect(form.getByRole("status")).toContainText("Recorded.");
      await expect(page.getByTestId("commitment-tracker")).toContainText("maintain calm on the ground");
      await form.getByRole("link", { name: "Open the commitment" }).click();
      await expect(page).toHaveURL(/\/commitments\/[^/]+$/);
      commitmentPath = new URL(page.url()).pathname;
      await page.context().close();
    });

    test("the secretariat updates statuses from a CSV: checked line by line first, then applied", async ({
      browser,
      baseURL,
    }) => {
      const page = await pageAs(browser, baseURL ?? "", setup.secretariat.email);
      await page.goto(`/processes/${setup.processSlug}/commitments`);
      const panel = page.getByTestId("bulk-status");
      await panel.locator('input[type="file"]').setInputFiles({
        name: "statuses.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(
          "external_id,status,on,evidence\r\nAST23-IDLIB,in progress,2027-04-01,Calm held\r\nNOPE-1,met,,\r\n",
        ),
      });
      await panel.getByRole("button", { name: "Check the file" }).click();
      await expect(panel.getByTestId("bulk-result")).toContainText(
        "Checked: 2 lines, 1 to change, 0 already so, 1 refused. Nothing has changed yet.",
      );
      await expect(panel.getByTestId("bulk-matched")).toContainText("AST23-IDLIB");
      await expect(panel.getByTestId("bulk-refused-lines")).toContainText(
        "Line 3: no commitment you may see has the identifier NOPE-1",
      );
      await expect(page.getByTestId("commitment-tracker")).toContainText("not started");
      await panel.getByRole("button", { name: "Apply the 1 change" }).click();
      await expect(panel.getByTestId("bulk-result")).toHaveText("Applied: 1 status recorded.");
      await expect(page.getByTestId("commitment-tracker")).toContainText("in progress");
      await page.context().close();
    });

    test("a guarantor's delegate follows the commitment back to its paragraph", async ({
      browser,
      baseURL,
    }) => {
      const page = await pageAs(browser, baseURL ?? "", russiaEmail, {
        viewport: { width: 1280, height: 600 },
      });
      await page.goto(commitmentPath);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("maintain calm on the ground");
      await expect(page.getByTestId("commitment-facts")).toContainText("Russia");
      await expect(page.getByTestId("commitment-facts")).toContainText("Türkiye");
      const source = page.getByTestId("commitment-source");
      await expect(source).toContainText("From the adopted text:");
      await source.getByRole("link", { name: "paragraph 2 of Joint Statement of the 23rd meeting" }).click();
      await expect(page).toHaveURL(/\/texts\/[^#]+#paragraph-/);
      const target = page.locator(".texts-paragraph.is-linked");
      await expect(target).toContainText("maintain calm on the ground");
      await expect(target).toBeFocused();
      await expect(target).toBeInViewport();
      await page.context().close();
    });

    test("the public is told the text is not public yet, and sees no one's address", async ({
      browser,
      baseURL,
    }) => {
      const page = await pageAs(browser, baseURL ?? "", null);
      await page.goto(commitmentPath);
      await expect(page.getByTestId("commitment-source")).toHaveText(
        "From an adopted text that is not public yet.",
      );
      await expect(page.getByTestId("commitment-history")).toBeVisible();
      await expect(page.getByTestId("commitment-history")).not.toContainText("@");
      await expect(page.getByRole("columnheader", { name: "By" })).toHaveCount(0);
      await page.context().close();
    });
  });
