import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, type Page } from "@playwright/test";

/** The administrator the first-run test creates; later tests sign in with it. */
export const admin = {
  name: "Aigerim Seitkali",
  email: "admin@astana.test",
  password: "correct horse battery staple",
};

/** better-auth checks the Origin of requests that carry cookies, so send it as a browser would. */
function originHeader(baseURL: string) {
  return { origin: new URL(baseURL).origin };
}

/**
 * Signs the page's browser context in through the API (the sign-in form itself is tested in
 * first-run.spec.ts); the session cookie lands in the context's cookie jar.
 */
export async function signInViaApi(page: Page, baseURL: string, email: string, password: string) {
  const response = await page.request.post("/api/auth/sign-in/email", {
    data: { email, password },
    headers: originHeader(baseURL),
  });
  expect(response.status(), await response.text()).toBe(200);
}

/** Creates an account as the signed-in administrator of `page`; returns the created account. */
export async function createAccountViaApi(
  page: Page,
  baseURL: string,
  account: { name: string; email: string; password: string; isAdmin?: boolean; locale?: string },
) {
  const response = await page.request.post("/api/accounts", {
    data: { isAdmin: false, locale: "en", ...account },
    headers: originHeader(baseURL),
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; email: string; name: string };
}

/** A unique e-mail per call, so tests never collide on the one shared database. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@astana.test`;
}

/** The page has no horizontal scrolling at the current viewport width. */
export async function expectNoHorizontalOverflow(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `page scrolls sideways at ${innerWidth}px`).toBeLessThanOrEqual(innerWidth);
}

/**
 * The one-time setup link the server under test printed on its console (test/e2e/serve.ts copies it
 * to a file named after the port), as the operator would copy it from the terminal.
 */
export function setupLink(baseURL: string): string {
  const port = new URL(baseURL).port;
  return readFileSync(path.join(tmpdir(), `astana-e2e-setup-${port}.url`), "utf8").trim();
}

/** The token of that link. */
export function setupToken(baseURL: string): string {
  return new URL(setupLink(baseURL)).searchParams.get("token") ?? "";
}

/** Serious or critical WCAG 2.2 A and AA violations on the page (or within one part of it), one line each. */
export async function axeViolations(page: Page, within?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags([
    "wcag2a",
    "wcag2aa",
    "wcag21a",
    "wcag21aa",
    "wcag22a",
    "wcag22aa",
  ]);
  const axe = await (within ? builder.include(within) : builder).analyze();
  return axe.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 120)).join(" | ")}`);
}

/**
 * The first-run setup stands between a fresh server and its pages: the administrator above closes it
 * through the setup link's token, as the operator would; a server already set up is left as it is.
 */
export async function closeSetup(request: APIRequestContext, origin: string) {
  const setup = await request.get("/api/setup");
  if (!(await setup.json()).needed) return;
  const created = await request.post("/api/setup", {
    data: {
      name: admin.name,
      email: admin.email,
      password: admin.password,
      locale: "en",
      token: setupToken(origin),
    },
    headers: { origin },
  });
  expect(created.ok(), await created.text()).toBe(true);
}
