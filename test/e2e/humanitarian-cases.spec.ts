import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { expectNoHorizontalOverflow } from "./helpers.ts";
import { csv, oppositionRows } from "./humanitarian-lists.ts";
import { type HumCast, setUpWorkingGroup } from "./humanitarian-setup.ts";
import { newSlugs, originHeaders, pageAs } from "./secretariat-setup.ts";

// Cases by hand and lists withdrawn (issue 18, items 1 and 5): the government registers a case from the
// cases page with every field, is told by field what is missing, corrects it while the ICRC corrects it
// too (the stale save refused with 409, the typed values kept, then saved over the current version);
// the opposition withdraws a list in Arabic, right to left, on a phone: nothing deleted, the reason shown.

const slugOf = newSlugs("humcases");

/** The serious and critical axe violations of WCAG 2.2 AA on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"])
    .analyze();
  return result.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.html.slice(0, 120)).join(" | ")}`,
    );
}

test.describe
  .serial("cases by hand and lists withdrawn (issue 18)", () => {
    let cast: HumCast;
    let caseUrl = "";
    test.describe.configure({ timeout: 120_000 });

    test.beforeAll(async ({ browser, baseURL }) => {
      cast = await setUpWorkingGroup(browser, baseURL, slugOf);
    });

    test("the government registers a case by hand, with every field", async ({ browser, baseURL }) => {
      const page = await pageAs(browser, baseURL ?? "", cast.government);
      await page.goto(`/processes/${cast.processSlug}/humanitarian/cases`);
      await page.getByRole("link", { name: "Register a case" }).click();
      await expect(page.getByRole("heading", { name: "Register a case", level: 1 })).toBeVisible();
      // No name at all, and a year that is no year: said by field, nothing sent.
      await page.getByLabel(/^Birth year/).fill("80");
      await page.getByRole("button", { name: "Register the case" }).click();
      await expect(page.getByRole("alert").first()).toContainText("Some fields need correcting");
      await expect(page.getByText("A year of four digits, from 1880 to 2100.")).toBeVisible();
      await expect(page.getByLabel(/^Birth year/)).toHaveAttribute("aria-invalid", "true");
      const arabic = {
        "Given name (Arabic)": "حسن",
        "Father's name (Arabic)": "علي",
        "Grandfather's name (Arabic)": "محمود",
        "Family name (Arabic)": "السيد",
        "Mother's name (Arabic)": "مريم",
      };
      const latin = {
        "Given name (Latin)": "Hassan",
        "Father's name (Latin)": "Ali",
        "Grandfather's name (Latin)": "Mahmoud",
        "Family name (Latin)": "al-Sayed",
        "Mother's name (Latin)": "Maryam",
      };
      for (const [label, value] of Object.entries({ ...arabic, ...latin }))
        await page.getByLabel(label, { exact: true }).fill(value);
      await expect(page.getByLabel("Given name (Arabic)", { exact: true })).toHaveCSS("direction", "rtl");
      await page.getByLabel("Kind", { exact: true }).selectOption({ label: "Abducted" });
      await page.getByLabel("Sex", { exact: true }).selectOption({ label: "Male" });
      await page.getByLabel("Place of origin").fill("Idlib");
      await page.getByLabel(/^Birth year/).fill("١٩٨٤");
      await page.getByLabel("Date of detention or disappearance", { exact: true }).fill("2016-05-12");
      await page.getByLabel("Place of detention or disappearance").fill("Saraqib");
      // The keyboard sends it, as any form.
      await page.getByLabel("Place of detention or disappearance").press("Enter");
      await expect(
        page.getByRole("heading", { name: "Hassan Ali Mahmoud al-Sayed", level: 1 }),
      ).toBeVisible();
      await expect(page.locator('[lang="ar"][dir="rtl"]', { hasText: "حسن علي محمود السيد" })).toBeVisible();
      for (const text of ["Abducted", "Listed", "1984", "Idlib", "2016-05-12", "Saraqib", "Maryam"])
        await expect(page.getByText(text, { exact: true }).first()).toBeVisible();
      caseUrl = new URL(page.url()).pathname;
      // The same person again is refused, with the way to the case already registered.
      await page.goto(`/processes/${cast.processSlug}/humanitarian/cases/new`);
      for (const [label, value] of Object.entries({ ...arabic, ...latin }))
        await page.getByLabel(label, { exact: true }).fill(value);
      await page.getByLabel("Sex", { exact: true }).selectOption({ label: "Male" });
      await page.getByLabel("Place of origin").fill("Idlib");
      await page.getByLabel(/^Birth year/).fill("1984");
      await page.getByRole("button", { name: "Register the case" }).click();
      await expect(page.getByRole("alert")).toContainText("This side already registered this person");
      await page.getByRole("link", { name: "Open the case already registered" }).click();
      await expect(page).toHaveURL(new RegExp(`${caseUrl}$`));
      await page.context().close();
    });

    test("a correction made on a stale version is refused with 409 and keeps what was typed", async ({
      browser,
      baseURL,
    }) => {
      const base = baseURL ?? "";
      const page = await pageAs(browser, base, cast.government);
      await page.goto(caseUrl);
      await page.getByRole("link", { name: "Correct the case" }).click();
      await expect(page.getByRole("heading", { name: "Correct a case", level: 1 })).toBeVisible();
      await expect(page.getByLabel("Family name (Latin)", { exact: true })).toHaveValue("al-Sayed");
      // Meanwhile the ICRC corrects the same case.
      const icrc = await pageAs(browser, base, cast.icrc);
      const caseId = caseUrl.split("/").pop() ?? "";
      const current = await (await icrc.request.get(`/api/humanitarian/cases/${caseId}`)).json();
      const byIcrc = await icrc.request.post(`/api/humanitarian/cases/${caseId}`, {
        data: { version: current.version, sharing: "working_group" },
        headers: originHeaders(base),
      });
      expect(byIcrc.status(), await byIcrc.text()).toBe(200);
      await icrc.context().close();
      await page.getByLabel("Family name (Latin)", { exact: true }).fill("el-Sayyed");
      await page.getByLabel("Year of detention or disappearance (when the date is not known)").fill("2016");
      await page.getByRole("button", { name: "Save the correction" }).click();
      await expect(page.getByRole("alert")).toContainText("Someone changed this case since you opened it");
      await expect(page.getByLabel("Family name (Latin)", { exact: true })).toHaveValue("el-Sayyed");
      await page.getByRole("button", { name: "Apply my values to the current version" }).click();
      await page.getByRole("button", { name: "Save the correction" }).click();
      await expect(
        page.getByRole("heading", { name: "Hassan Ali Mahmoud el-Sayyed", level: 1 }),
      ).toBeVisible();
      await page.context().close();
    });

    test("the opposition withdraws a list in Arabic, right to left, on a phone: nothing is deleted", async ({
      browser,
      baseURL,
    }) => {
      const base = baseURL ?? "";
      const page = await pageAs(browser, base, cast.opposition, { viewport: { width: 390, height: 844 } });
      const me = await (await page.request.get("/api/me")).json();
      const side = me.memberships.find((m: { roles: string[] }) => m.roles.includes("party"));
      const upload = await page.request.post(
        `/api/processes/${cast.processSlug}/humanitarian/lists?${new URLSearchParams({
          delegationId: side.delegationId,
          title: "قائمة أرسلت خطأ",
          dryRun: "false",
        })}`,
        {
          data: Buffer.from(csv(oppositionRows.slice(0, 3))),
          headers: { "content-type": "text/csv", ...originHeaders(base) },
        },
      );
      expect(upload.status(), await upload.text()).toBe(200);
      const { listId } = await upload.json();
      await page.goto(`/humanitarian/lists/${listId}`);
      await page.getByTestId("language-switcher").click();
      await page.getByRole("menuitem", { name: "العربية" }).click();
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      await expect(page.getByRole("heading", { name: "سحب القائمة" })).toBeVisible();
      await page.getByLabel("السبب").fill("أرسلت القائمة خطأً قبل مراجعتها");
      await page.getByRole("button", { name: "اسحب القائمة (لا يُحذف شيء)" }).click();
      // Confirmation first, saying what follows; the confirm button takes the focus.
      await expect(page.getByText("هل تريد السحب؟")).toBeVisible();
      await expect(page.getByRole("button", { name: "نعم، اسحب" })).toBeFocused();
      await expectNoHorizontalOverflow(page);
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("list-withdrawn")).toContainText("أرسلت القائمة خطأً قبل مراجعتها");
      await expect(page.getByRole("heading", { name: "سحب القائمة" })).toHaveCount(0);
      // Its rows are still there, each marked withdrawn.
      await expect(page.getByTestId("entry-row")).toHaveCount(2);
      await expect(page.getByTestId("entry-row").getByText("مسحوب", { exact: true })).toHaveCount(2);
      await expectNoHorizontalOverflow(page);
      await page.context().close();
    });

    test("the case form, the correction and the withdrawal pass axe in English, Russian and Arabic", async ({
      browser,
      baseURL,
    }) => {
      const page = await pageAs(browser, baseURL ?? "", cast.government);
      const me = await (await page.request.get("/api/me")).json();
      const side = me.memberships.find((m: { roles: string[] }) => m.roles.includes("party"));
      const lists = await (
        await page.request.get(
          `/api/processes/${cast.processSlug}/humanitarian/cases?delegationId=${side.delegationId}`,
        )
      ).json();
      expect(lists.cases.length).toBeGreaterThan(0);
      for (const language of ["en", "ru", "ar"]) {
        await page.goto("/api/health");
        await page.evaluate((locale) => window.localStorage.setItem("astana.locale", locale), language);
        for (const address of [
          `/processes/${cast.processSlug}/humanitarian/cases/new`,
          `${caseUrl}/edit`,
          caseUrl,
        ]) {
          await page.goto(address);
          await expect(page.locator("html")).toHaveAttribute("lang", language);
          await expect(page.locator("form").first()).toBeVisible();
          expect.soft(await seriousViolations(page), `${address} in ${language}`).toEqual([]);
        }
        // The form's errors, shown by field, pass too.
        await page.goto(`/processes/${cast.processSlug}/humanitarian/cases/new`);
        await page.locator('button[type="submit"]').click();
        await expect(page.locator('[aria-invalid="true"]').first()).toBeAttached();
        expect.soft(await seriousViolations(page), `the refused form in ${language}`).toEqual([]);
        // The withdrawal's confirmation.
        await page.goto(caseUrl);
        await page.locator('form[aria-labelledby="case-withdraw"] textarea').fill("x");
        await page.locator('form[aria-labelledby="case-withdraw"] button[type="submit"]').click();
        await expect(page.locator('form[aria-labelledby="case-withdraw"] .mantine-Alert-root')).toBeVisible();
        expect
          .soft(await seriousViolations(page), `the withdrawal's confirmation in ${language}`)
          .toEqual([]);
      }
      await page.context().close();
    });

    test("the pictures are drawn and read right to left on a phone", async ({ browser, baseURL }) => {
      const page = await pageAs(browser, baseURL ?? "", cast.government, {
        viewport: { width: 390, height: 844 },
      });
      await page.goto(`/processes/${cast.processSlug}/humanitarian`);
      await page.getByTestId("language-switcher").click();
      await page.getByRole("menuitem", { name: "العربية" }).click();
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      // The government's case by hand, drawn month by month, named in Arabic, with a legend in words.
      const chart = page.getByTestId("status-month-chart");
      await expect(chart).toHaveCount(1);
      await expect(chart).toHaveAttribute("role", "img");
      await expect(chart).toHaveAttribute("aria-label", /تغيّرات الوضع/);
      await expect(chart.locator("rect")).toHaveCount(1);
      await expect(page.getByRole("list", { name: "الأوضاع" })).toContainText("مُدرج");
      await expectNoHorizontalOverflow(page);
      await page.context().close();
    });
  });
