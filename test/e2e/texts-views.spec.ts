import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, test } from "@playwright/test";
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

// The negotiation's views in the browser: Russia sees Türkiye's delegate arrive on the draft and leave;
// the redline marks inserted and deleted words (for screen readers too); the four columns put a
// proposal, the secretariat's compromise and a comment beside their paragraph (stacked on a phone);
// the secretariat translates a paragraph into Arabic (right to left), which turns stale when the
// English paragraph changes. Every tab passes axe, in English and in Arabic.

const slugOf = newSlugs("tv");
const statement = `Reaffirming their strong commitment to the sovereignty of the Syrian Arab Republic,
1. Emphasized the importance of the Constitutional Committee.
2. Decided to hold the next meeting in the second half of 2027.`;
const wcag = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function as(browser: Browser, baseURL: string, email: string, locale = "en"): Promise<Page> {
  const page = await pageAs(browser, baseURL, email);
  if (locale !== "en") {
    await page.goto("/api/health");
    await page.evaluate((value) => window.localStorage.setItem("astana.locale", value), locale);
  }
  return page;
}

async function seriousViolations(page: Page): Promise<string[]> {
  await expect(page.locator(".mantine-Loader-root")).toHaveCount(0, { timeout: 15_000 });
  const result = await new AxeBuilder({ page }).withTags(wcag).analyze();
  return result.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    );
}

test.describe
  .serial("negotiated texts: redline, four columns, languages and who is viewing", () => {
    let setup: Setup;
    const guarantors: Record<"russia" | "turkiye", string> = { russia: "", turkiye: "" };
    let textId = "";
    let paragraphs: { id: string; number: string | null; body: string }[] = [];

    test.beforeAll(async ({ browser, baseURL }) => {
      const base = baseURL ?? "";
      setup = await setUp(browser, base, slugOf);
      const workspaceRound = await planAnnouncedRound(browser, base, setup);
      const roundId = workspaceRound.split("/").at(-1) ?? "";
      const host = await as(browser, base, setup.secretariat.email);
      for (const who of ["russia", "turkiye"] as const)
        await post(host.request, base, `/api/rounds/${roundId}/delegations`, { participantId: slugOf(who) });
      const made = await post(host.request, base, `/api/rounds/${roundId}/texts`, {
        kind: "joint_statement",
        title: "Joint Statement (views)",
        plainText: statement,
      });
      textId = made.id;
      paragraphs = (await (await host.request.get(`/api/texts/${textId}`)).json()).paragraphs;
      await host.context().close();
      const context = await browser.newContext({ baseURL: base });
      const page = await context.newPage();
      await signInViaApi(page, base, admin.email, admin.password);
      const delegations = (await (
        await page.request.get(`/api/processes/${setup.processSlug}/delegations`)
      ).json()) as {
        items: { id: string; participant: { slug: string } }[];
      };
      for (const who of ["russia", "turkiye"] as const) {
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

    test("Russia sees Türkiye's delegate arrive on the draft and leave", async ({ browser, baseURL }) => {
      const base = baseURL ?? "";
      const russia = await as(browser, base, guarantors.russia);
      await russia.goto(`/texts/${textId}`);
      const viewers = russia.getByTestId("viewers");
      await expect(viewers.getByTestId("viewer")).toHaveCount(1, { timeout: 5_000 });
      const turkiye = await as(browser, base, guarantors.turkiye);
      await turkiye.goto(`/texts/${textId}`);
      await expect(viewers).toContainText("Delegate of turkiye", { timeout: 3_000 });
      await expect(turkiye.getByTestId("viewers")).toContainText("Delegate of russia");
      await turkiye.context().close();
      await expect(viewers).not.toContainText("Delegate of turkiye", { timeout: 3_000 });
      await russia.context().close();
    });

    test("the redline marks inserted and deleted words, heard as such", async ({ browser, baseURL }) => {
      const base = baseURL ?? "";
      const host = await as(browser, base, setup.secretariat.email);
      const second = paragraphs.find((p) => p.number === "2.");
      const edited = await host.request.patch(`/api/texts/${textId}/paragraphs/${second?.id}`, {
        data: {
          baseVersion: 1,
          body: "Decided to hold the next meeting in Astana in the second half of 2027.",
        },
        headers: { origin: base },
      });
      expect(edited.status(), await edited.text()).toBe(200);
      await host.context().close();

      const russia = await as(browser, base, guarantors.russia);
      await russia.goto(`/texts/${textId}`);
      await russia.getByRole("tab", { name: "Redline" }).click();
      const redline = russia.getByTestId("redline");
      await expect(redline.getByTestId("redline-paragraph")).toHaveCount(1);
      const inserted = redline.locator("ins");
      await expect(inserted).toHaveCount(1);
      await expect(inserted).toContainText("Astana");
      // Screen readers hear "inserted", not a colour.
      await expect(inserted).toContainText("inserted:");
      expect(await inserted.evaluate((node) => getComputedStyle(node).textDecorationLine)).toContain(
        "underline",
      );
      expect(await seriousViolations(russia)).toEqual([]);
      await russia.context().close();

      const arabic = await as(browser, base, guarantors.russia, "ar");
      await arabic.goto(`/texts/${textId}?view=redline`);
      await expect(arabic.locator("html")).toHaveAttribute("dir", "rtl");
      await expect(arabic.getByTestId("redline").locator("ins")).toContainText("مُضاف");
      expect(await seriousViolations(arabic)).toEqual([]);
      await arabic.context().close();
    });

    test("four columns: a proposal, the secretariat's compromise and a comment beside their paragraph", async ({
      browser,
      baseURL,
    }) => {
      const base = baseURL ?? "";
      const russia = await as(browser, base, guarantors.russia);
      const first = paragraphs.find((p) => p.number === "1.");
      await post(
        russia.request,
        base,
        `/api/texts/${textId}/proposals`,
        {
          baseVersion: 2,
          kind: "replace",
          paragraphId: first?.id,
          start: 0,
          end: 10,
          text: "Underlined",
          rationale: "Stronger.",
        },
        200,
      );
      const host = await as(browser, base, setup.secretariat.email);
      await host.goto(`/texts/${textId}?view=four`);
      const row = host.getByRole("region", { name: "Paragraph 1." });
      await expect(row.getByTestId("four-proposal")).toContainText("Underlined");
      await expect(row.getByTestId("four-proposal")).toContainText("Stronger.");
      await row.getByRole("button", { name: "Write a compromise" }).click();
      await row
        .getByLabel("Write a compromise")
        .fill("Stressed the importance of the Constitutional Committee.");
      await row.getByRole("button", { name: "Save" }).click();
      await expect(row.getByTestId("four-compromise")).toContainText("Stressed the importance");

      await russia.goto(`/texts/${textId}?view=four`);
      const seen = russia.getByRole("region", { name: "Paragraph 1." });
      // The compromise reached Russia; Russia may comment but not write a compromise.
      await expect(seen.getByTestId("four-compromise")).toContainText("Stressed the importance");
      await expect(seen.getByRole("button", { name: "Write a compromise" })).toHaveCount(0);
      await seen.getByRole("button", { name: "Add a comment" }).click();
      await seen.getByLabel("Add a comment").fill("Russia can accept the compromise.");
      await seen.getByRole("button", { name: "Comment" }).click();
      await expect(seen.getByTestId("four-comment")).toContainText("Russia can accept");
      // Live: the secretariat's page shows the comment without a reload.
      await expect(row.getByTestId("four-comment")).toContainText("Russia can accept");
      expect(await seriousViolations(russia)).toEqual([]);

      await russia.setViewportSize({ width: 390, height: 844 });
      const columns = await seen.evaluate(
        (node) => getComputedStyle(node).gridTemplateColumns.split(" ").length,
      );
      expect(columns).toBe(1);
      await host.context().close();
      await russia.context().close();
    });

    test("the secretariat translates into Arabic (right to left); the translation turns stale", async ({
      browser,
      baseURL,
    }) => {
      const base = baseURL ?? "";
      const host = await as(browser, base, setup.secretariat.email);
      await host.goto(`/texts/${textId}?view=languages`);
      const languages = host.getByTestId("languages");
      await languages.getByLabel("Translation").selectOption("ar");
      const row = languages.getByTestId("language-row").filter({ hasText: "1. Emphasized" });
      await row.getByRole("button", { name: "Translate into Arabic" }).click();
      await row.getByLabel("Translate into Arabic").fill("أكدوا أهمية اللجنة الدستورية.");
      await row.getByRole("button", { name: "Save" }).click();
      const arabic = row.locator("[lang=ar]");
      await expect(arabic).toContainText("أكدوا أهمية اللجنة الدستورية.");
      await expect(arabic).toHaveAttribute("dir", "rtl");
      await expect(row.getByTestId("translation-stale")).toHaveCount(0);

      const first = paragraphs.find((p) => p.number === "1.");
      const current = (await (await host.request.get(`/api/texts/${textId}`)).json()).document.version;
      // The compilation's bracket (Russia's proposal) is still open only if bracketed; the proposal is open, so the
      // paragraph can be rewritten.
      const edited = await host.request.patch(`/api/texts/${textId}/paragraphs/${first?.id}`, {
        data: {
          baseVersion: current,
          body: "Emphasized the crucial importance of the Constitutional Committee.",
        },
        headers: { origin: base },
      });
      expect(edited.status(), await edited.text()).toBe(200);
      await expect(row.getByTestId("translation-stale")).toContainText(
        "The English text changed after this Arabic translation.",
      );
      expect(await seriousViolations(host)).toEqual([]);
      await host.context().close();
    });
  });
