import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { expectNoHorizontalOverflow } from "./helpers.ts";
import { csv, oppositionRows } from "./humanitarian-lists.ts";
import { type HumCast, setUpWorkingGroup } from "./humanitarian-setup.ts";
import { newSlugs, originHeaders, pageAs } from "./secretariat-setup.ts";

// Who read a person's record (issue 18, item 5): the other side tries to read the government's list and
// one of its cases and is refused; the ICRC, custodian of the lists, then finds both refusals — on its
// audit page (reached from the menu, by keyboard) and on the case's page under "Who read this record",
// in English and in Arabic on a phone. Times are the reader's own, with the zone named (Almaty, UTC+5).

const slugOf = newSlugs("humaudit");
const almaty = { timezoneId: "Asia/Almaty" };

test.describe
  .serial("who read a person's record (issue 18)", () => {
    let cast: HumCast;
    let listId = "";
    let caseId = "";
    test.describe.configure({ timeout: 120_000 });

    test.beforeAll(async ({ browser, baseURL }) => {
      const base = baseURL ?? "";
      cast = await setUpWorkingGroup(browser, baseURL, slugOf);
      const page = await pageAs(browser, base, cast.government);
      const me = await (await page.request.get("/api/me")).json();
      const side = me.memberships.find((m: { roles: string[] }) => m.roles.includes("party"));
      const upload = await page.request.post(
        `/api/processes/${cast.processSlug}/humanitarian/lists?${new URLSearchParams({
          delegationId: side.delegationId,
          title: "Detainees, first list",
          dryRun: "false",
        })}`,
        {
          data: Buffer.from(csv(oppositionRows.slice(0, 3))),
          headers: { "content-type": "text/csv", ...originHeaders(base) },
        },
      );
      expect(upload.status(), await upload.text()).toBe(200);
      listId = (await upload.json()).listId;
      const list = await (await page.request.get(`/api/humanitarian/lists/${listId}`)).json();
      caseId = list.entries[0].caseId;
      await page.context().close();
    });

    test("the other side is refused the government's list and one of its cases", async ({
      browser,
      baseURL,
    }) => {
      const page = await pageAs(browser, baseURL ?? "", cast.opposition);
      await page.goto(`/humanitarian/lists/${listId}`);
      await expect(page.getByText(/This attempt is recorded\./)).toBeVisible();
      await page.goto(`/humanitarian/cases/${caseId}`);
      await expect(page.getByRole("heading", { name: "Who read this record" })).toHaveCount(0);
      expect((await page.request.get(`/api/humanitarian/cases/${caseId}`)).status()).toBe(404);
      expect((await page.request.get("/api/audit")).status()).toBe(403);
      await page.context().close();
    });

    test("the ICRC finds the refusal on its audit page, reached from the menu by keyboard", async ({
      browser,
      baseURL,
    }) => {
      const page = await pageAs(browser, baseURL ?? "", cast.icrc, almaty);
      await page.goto(`/processes/${cast.processSlug}/humanitarian`);
      const menuEntry = page.getByRole("link", { name: "Audit log" });
      await menuEntry.focus();
      await page.keyboard.press("Enter");
      await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
      const refusal = page
        .getByTestId("audit-table")
        .getByRole("row")
        .filter({ hasText: cast.opposition })
        .filter({ hasText: "humanitarian.list.get" })
        .first();
      await expect(refusal).toBeVisible();
      await expect(refusal).toContainText("Refused");
      await expect(refusal).toContainText("List read");
      // The time is Almaty's, the zone named.
      await expect(refusal).toContainText("GMT+5");
      // Nothing of the process but its humanitarian work: no role or delegation entries.
      await expect(page.getByTestId("audit-table").getByText(/^core\./)).toHaveCount(0);
      await page.context().close();
    });

    test("the ICRC reads who read the case on its page; the status history is in its own zone", async ({
      browser,
      baseURL,
    }) => {
      const page = await pageAs(browser, baseURL ?? "", cast.icrc, almaty);
      await page.goto(`/humanitarian/cases/${caseId}`);
      const panel = page.getByRole("region", { name: "Who read this record" });
      await expect(panel).toBeVisible();
      const rows = panel.getByTestId("case-read");
      // Newest first: the ICRC's own read of this page, then the other side's refusal.
      await expect(rows.first()).toContainText(cast.icrc);
      await expect(rows.first()).toContainText("Allowed");
      const refusal = rows.filter({ hasText: cast.opposition }).first();
      await expect(refusal).toBeVisible();
      await expect(refusal).toContainText("Refused");
      await expect(refusal).toContainText("Opened the case");
      await expect(refusal).toContainText("GMT+5");
      // The status history: who listed the person and when, in Almaty's time with the zone named.
      const history = page.locator("section[aria-labelledby='case-history']");
      await expect(history).toContainText(cast.government);
      await expect(history).toContainText("GMT+5");
      await expect(history).not.toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
      await page.context().close();
    });

    test("the panel reads in Arabic, right to left, on a phone", async ({ browser, baseURL }) => {
      const page = await pageAs(browser, baseURL ?? "", cast.icrc, {
        ...almaty,
        viewport: { width: 390, height: 844 },
      });
      await page.goto(`/humanitarian/cases/${caseId}`);
      await page.getByTestId("language-switcher").click();
      await page.getByRole("menuitem", { name: "العربية" }).click();
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      const panel = page.getByRole("region", { name: "من قرأ هذا السجل" });
      await expect(panel).toBeVisible();
      await expect(panel.getByTestId("case-read").filter({ hasText: cast.opposition }).first()).toContainText(
        "مرفوض",
      );
      await expectNoHorizontalOverflow(page);
      await page.context().close();
    });

    test("the panel and the audit page pass axe in English, Russian and Arabic", async ({
      browser,
      baseURL,
    }) => {
      const page = await pageAs(browser, baseURL ?? "", cast.icrc, almaty);
      const serious = async () =>
        (
          await new AxeBuilder({ page })
            .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"])
            .analyze()
        ).violations
          .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
          .map((violation) => violation.id);
      for (const [language, title] of [
        ["English", "Who read this record"],
        ["Русский", "Кто читал эту запись"],
        ["العربية", "من قرأ هذا السجل"],
      ] as const) {
        await page.goto(`/humanitarian/cases/${caseId}`);
        await page.getByTestId("language-switcher").click();
        await page.getByRole("menuitem", { name: language }).click();
        await expect(
          page.getByRole("region", { name: title }).getByTestId("case-read").first(),
        ).toBeVisible();
        expect(await serious(), `${language}: the case page`).toEqual([]);
        await page.goto("/audit");
        await expect(page.getByTestId("audit-table")).toBeVisible();
        expect(await serious(), `${language}: the audit page`).toEqual([]);
      }
      await page.context().close();
    });
  });
