import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { webModules } from "../../src/web/app/modules.ts";
import { shellRoutes } from "../../src/web/app/router.tsx";
import { composeModules } from "../../src/web/shell/module.ts";
import { mayOpen, type PageAccess } from "../../src/web/shell/routes.ts";
import type { Me } from "../../src/web/shell/session.ts";
import { bareKeysIn } from "./bare-keys.ts";
import { admin, closeSetup, setupToken, signInViaApi, uniqueEmail } from "./helpers.ts";

// Runs in the "demo" project, against the server with the demonstration record: every page of the app
// (the shell's and every module's, read from the web manifests), in English, Russian and Arabic, as the
// first account whose access rule admits it, has no serious or critical axe violation of WCAG 2.0, 2.1
// and 2.2 A and AA. A page whose address has parameters is opened at the `examples` its manifest gives
// (demonstration record addresses); the workspace's sections and the workspace round page's tabs are
// read from the manifests' sections. A module adds its pages to this check by declaring them.

const languages = ["en", "ru", "ar"] as const;
const wcag = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
const password = "correct horse battery staple";
const processSlug = "astana";
const roundId = "demo-round-22";

const modules = composeModules(webModules);
const workspacePages = modules
  .sections("workspace")
  .map((section) => `/secretariat/${processSlug}${section.nav.path ? `/${section.nav.path}` : ""}`);
const workspaceRoundTabs = modules
  .sections("workspaceRound")
  .map((section) => `/secretariat/${processSlug}/rounds/${roundId}?tab=${encodeURIComponent(section.id)}`);

const madePrefix = "made by the test: ";

/**
 * Pages whose example the demonstration record does not hold (it has no negotiated text): made here, as
 * the secretariat would make them, before they are checked. Returns the address to open.
 */
const madeExamples: Record<string, (secretariat: BrowserContext, origin: string) => Promise<string>> = {
  "/texts/:id": async (secretariat, origin) => {
    const made = await secretariat.request.post("/api/rounds/demo-round-22/texts", {
      headers: { origin },
      data: {
        kind: "joint_statement",
        title: "Joint statement checked for accessibility",
        plainText:
          "Reaffirming their commitment to the sovereignty of the Syrian Arab Republic,\n1. Agreed to hold the next meeting.\n2. Welcomed the release of detainees.",
      },
    });
    expect(made.status(), await made.text()).toBe(201);
    return `/texts/${((await made.json()) as { id: string }).id}`;
  },
  "/processes/:slug/commitments/:id": async (secretariat, origin) => {
    const made = await secretariat.request.post(`/api/processes/${processSlug}/commitments`, {
      headers: { origin },
      data: {
        what: "Cease hostilities in the Idlib de-escalation area (checked for accessibility)",
        category: "ceasefire",
        dueDate: "2018-11-04",
        indicators: ["No shelling reported for a month"],
        zoneIds: ["demo-zone-idlib"],
      },
    });
    expect(made.status(), await made.text()).toBe(201);
    return `/processes/${processSlug}/commitments/${((await made.json()) as { id: string }).id}`;
  },
  "/processes/:slug/incidents/:id": async (secretariat, origin) => {
    const made = await secretariat.request.post(`/api/processes/${processSlug}/incidents`, {
      headers: { origin },
      data: {
        occurredOn: "2018-03-10",
        latitude: 35.93,
        longitude: 36.63,
        location: "Synthetic place (checked for accessibility)",
        eventType: "Explosions/Remote violence",
        sources: [{ url: "https://example.org/report", title: "Synthetic source" }],
      },
    });
    expect(made.status(), await made.text()).toBe(201);
    return `/processes/${processSlug}/incidents/${((await made.json()) as { id: string }).id}`;
  },
};

/** Every page to check, with who may open it; a page with parameters and no example is a failure. */
function pagesToCheck(): { address: string; access: PageAccess }[] {
  const pages: { address: string; access: PageAccess }[] = [];
  for (const route of [...shellRoutes, ...modules.routes]) {
    const addresses = route.path.includes(":") ? [...(route.examples ?? [])] : [route.path];
    if (route.path === "/secretariat/:processSlug/:section") addresses.push(...workspacePages);
    if (route.path === "/secretariat/:processSlug/rounds/:roundId") addresses.push(...workspaceRoundTabs);
    if (addresses.length === 0 && madeExamples[route.path]) addresses.push(`${madePrefix}${route.path}`);
    if (addresses.length === 0) addresses.push(`${route.path} (no examples in its manifest)`);
    for (const address of addresses) {
      if (!pages.some((page) => page.address === address)) pages.push({ address, access: route.access });
    }
  }
  return pages;
}

type Person = "visitor" | "delegate" | "secretariat" | "admin";
const people: Person[] = ["visitor", "delegate", "secretariat", "admin"];
const contexts = new Map<Person, { context: BrowserContext; me: Me | null }>();

/** An account on one of the demonstration's standing delegations, made through the API. */
async function member(adminPage: Page, origin: string, name: string, delegationId: string) {
  const email = uniqueEmail(name.toLowerCase().replace(/\W+/g, "-"));
  const created = await adminPage.request.post("/api/accounts", {
    data: { name, email, password, isAdmin: false, locale: "en" },
    headers: { origin },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const added = await adminPage.request.post(`/api/delegations/${delegationId}/members`, {
    data: { accountId: id },
    headers: { origin },
  });
  expect(added.status(), await added.text()).toBe(201);
  return email;
}

async function signedIn(browser: Browser, baseURL: string, email: string | null) {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  if (email) await signInViaApi(page, baseURL, email, email === admin.email ? admin.password : password);
  const me = email ? ((await (await page.request.get("/api/me")).json()) as Me) : null;
  await page.close();
  return { context, me };
}

/** Opens a page in a language and waits until its content (not a spinner) is on screen. */
async function open(page: Page, address: string, language: string) {
  await page.goto("/api/health");
  await page.evaluate((locale) => window.localStorage.setItem("astana.locale", locale), language);
  await page.goto(address);
  await expect(page.locator("html")).toHaveAttribute("lang", language);
  await expect(page.locator("main h1").first()).toBeVisible({ timeout: 15_000 });
  await expect(page.locator(".mantine-Loader-root")).toHaveCount(0, { timeout: 30_000 });
  await page.waitForTimeout(300);
}

/** The serious and critical violations, one line each with a few of the elements concerned. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(wcag).analyze();
  return result.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => {
      const nodes = violation.nodes
        .slice(0, 3)
        .map(
          (node) => `${node.html.slice(0, 160)}: ${node.failureSummary?.split("\n").slice(1, 2).join("")}`,
        );
      return `${violation.id} (${violation.impact}, ${violation.nodes.length} elements) ${nodes.join(" | ")}`;
    });
}

test.beforeAll(async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const origin = new URL(baseURL ?? "").origin;
  const context = await browser.newContext({ baseURL });
  const adminPage = await context.newPage();
  const setup = await adminPage.request.get("/api/setup");
  const firstRun = (await setup.json()).needed as boolean;
  if (firstRun) {
    // The first-run page as the operator meets it, before there is an administrator.
    for (const language of languages) {
      await open(adminPage, `/setup?token=${setupToken(origin)}`, language);
      expect.soft(await violations(adminPage), `/setup (first run) in ${language}`).toEqual([]);
    }
  }
  await closeSetup(adminPage.request, origin);
  await signInViaApi(adminPage, origin, admin.email, admin.password);
  const secretariat = await member(adminPage, origin, "Daniyar Abenov", "demo-astana-delegation-kazakhstan");
  const delegate = await member(adminPage, origin, "Alexander Lavrentiev", "demo-astana-delegation-russia");
  await context.close();
  const emails: Record<Person, string | null> = {
    visitor: null,
    delegate,
    secretariat,
    admin: admin.email,
  };
  for (const person of people) contexts.set(person, await signedIn(browser, origin, emails[person]));
});

test.afterAll(async () => {
  for (const { context } of contexts.values()) await context.close();
});

for (const { address, access } of pagesToCheck()) {
  test(`${address}: no serious axe violation and no bare translation key in ${languages.join(", ")}; the skip link is the first Tab stop`, async ({
    baseURL,
  }) => {
    test.setTimeout(150_000);
    expect(address, "a page with parameters names example addresses in its manifest").not.toContain("(no");
    const made = address.startsWith(madePrefix) ? madeExamples[address.slice(madePrefix.length)] : undefined;
    const person = made
      ? "secretariat"
      : people.find((candidate) => mayOpen(access, contexts.get(candidate)?.me ?? null));
    expect(person, `someone may open ${address}`).toBeDefined();
    const { context } = contexts.get(person as Person) as { context: BrowserContext };
    const opened = made ? await made(context, new URL(baseURL ?? "").origin) : address;
    const page = await context.newPage();
    for (const language of languages) {
      await open(page, opened, language);
      expect.soft(await violations(page), `${opened} in ${language}, as ${person}`).toEqual([]);
      expect
        .soft(
          bareKeysIn(await page.locator("body").innerText()),
          `keys shown for text on ${opened} in ${language}`,
        )
        .toEqual([]);
      await page.keyboard.press("Tab");
      await expect
        .soft(page.locator(".skip-link"), `${address} in ${language}: first Tab stop`)
        .toBeFocused();
    }
    await page.close();
  });
}

test("the timeline fits whole at 1280 px and no word on it is cut, in every language; on a phone it scrolls", async () => {
  test.setTimeout(60_000);
  const { context } = contexts.get("visitor") as { context: BrowserContext };
  const page = await context.newPage();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const language of languages) {
      await open(page, `/processes/${processSlug}`, language);
      const scroll = page.getByTestId("timeline-scroll");
      await expect(scroll.locator("svg")).toBeVisible();
      const sizes = await scroll.evaluate((element) => ({
        scrolls: element.scrollWidth > element.clientWidth + 1,
        // Every word drawn in the picture, in the picture's own coordinates.
        outside: [...element.querySelectorAll<SVGTextElement>("svg text")]
          .map((text) => ({ box: text.getBBox(), word: text.textContent ?? "" }))
          .filter(({ box }) => {
            const width = Number(element.querySelector("svg")?.getAttribute("width"));
            return box.x < 0 || box.x + box.width > width;
          })
          .map(({ word }) => word),
      }));
      expect.soft(sizes.outside, `words cut at the picture's edge at ${width} px in ${language}`).toEqual([]);
      expect.soft(sizes.scrolls, `the timeline scrolls at ${width} px in ${language}`).toBe(width < 800);
    }
  }
  await page.close();
});

test("the conflict filter chips show the keyboard focus", async () => {
  const { context } = contexts.get("visitor") as { context: BrowserContext };
  const page = await context.newPage();
  await open(page, `/processes/${processSlug}/conflicts`, "en");
  const all = page.getByRole("radio", { name: /^All/ });
  await all.focus();
  await page.keyboard.press("ArrowRight");
  const focused = page.getByRole("radio", { name: /^Sources disagree/ });
  await expect(focused).toBeFocused();
  const outline = await focused.evaluate((input) => {
    const label = input.nextElementSibling as HTMLElement;
    const style = getComputedStyle(label);
    return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
  });
  expect(outline.style).not.toBe("none");
  expect(outline.width).toBeGreaterThanOrEqual(2);
  await page.close();
});

test("on a phone and a laptop the header's buttons are named by their visible text (label in name), in every language", async () => {
  test.setTimeout(60_000);
  const { context } = contexts.get("visitor") as { context: BrowserContext };
  const page = await context.newPage();
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    for (const language of languages) {
      await open(page, `/processes/${processSlug}`, language);
      const result = await new AxeBuilder({ page })
        .include("header")
        .withRules(["label-content-name-mismatch"])
        .analyze();
      const where = `${width} px in ${language}`;
      expect
        .soft(
          result.violations.map((violation) => violation.id),
          where,
        )
        .toEqual([]);
      const switcher = page.getByTestId("language-switcher");
      const shown = (await switcher.locator("span[lang]:visible").innerText()).trim();
      expect.soft(shown, `the language button shows its language at ${where}`).not.toBe("");
      const escaped = shown.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      await expect.soft(switcher, where).toHaveAccessibleName(new RegExp(escaped));
    }
  }
  await page.close();
});
