// Shared set-up of the secretariat's browser tests: an administrator sets up a process through the API
// (there is no interface for memberships yet), with helpers for the API and for checking the forms.
import { mkdirSync } from "node:fs";
import path from "node:path";
import {
  type APIRequestContext,
  type Browser,
  type BrowserContextOptions,
  expect,
  type Locator,
  type Page,
} from "@playwright/test";
import { admin, signInViaApi, uniqueEmail } from "./helpers.ts";

export const password = "correct horse battery staple";
export const shots = path.join(process.cwd(), ".tmp");
mkdirSync(shots, { recursive: true });

/**
 * A page in a browser context of its own (a person at their own computer), signed in as `email` with
 * the specs' password, or the public's when `email` is null.
 */
export async function pageAs(
  browser: Browser,
  baseURL: string,
  email: string | null,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext({ baseURL, ...options });
  const page = await context.newPage();
  if (email) await signInViaApi(page, baseURL, email, password);
  return page;
}

/** Slugs unique to one spec file's run, so the files' processes and participants never collide. */
export function newSlugs(file: string): (name: string) => string {
  const run = `${Date.now().toString(36)}${file}`;
  return (name: string) => `${name}-${run}`;
}

export type Setup = {
  processSlug: string;
  secretariat: { email: string; id: string };
  delegate: { email: string; id: string };
  /** Null until the API names the host's standing delegation (see hostDelegationId). */
  hostDelegation: string | null;
};

export function originHeaders(baseURL: string) {
  return { origin: new URL(baseURL).origin };
}

/** Posts through the API and checks the status (set-up steps, and the steps with no interface). */
export async function post(
  request: APIRequestContext,
  baseURL: string,
  url: string,
  data: unknown,
  status = 201,
) {
  const response = await request.post(url, { data, headers: originHeaders(baseURL) });
  expect(response.status(), `${url}: ${await response.text()}`).toBe(status);
  return response.json();
}

/** The host's standing delegation, which the secretariat's accounts must join (null if not listed). */
async function hostDelegationId(request: APIRequestContext, processSlug: string, hostSlug: string) {
  const response = await request.get(`/api/processes/${processSlug}/delegations`);
  if (!response.ok()) return null;
  const body = (await response.json()) as { items: { id: string; participant: { slug: string } }[] };
  return body.items.find((item) => item.participant.slug === hostSlug)?.id ?? null;
}

/** Participants, a process hosted by Kazakhstan with three guarantors, and two accounts. */
export async function setUp(
  browser: Browser,
  baseURL: string,
  slugOf: (name: string) => string,
): Promise<Setup> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInViaApi(page, baseURL, admin.email, admin.password);
  const request = page.request;
  const participants = [
    ["kazakhstan", "state", { en: "Kazakhstan", ru: "Казахстан", ar: "كازاخستان" }],
    ["russia", "state", { en: "Russia", ru: "Россия", ar: "روسيا" }],
    ["turkiye", "state", { en: "Türkiye", ru: "Турция", ar: "تركيا" }],
    ["iran", "state", { en: "Iran", ru: "Иран", ar: "إيران" }],
    ["jordan", "state", { en: "Jordan", ru: "Иордания", ar: "الأردن" }],
  ] as const;
  for (const [name, kind, names] of participants) {
    await post(request, baseURL, "/api/participants", { slug: slugOf(name), kind, names });
  }
  const processSlug = slugOf("astana");
  await post(request, baseURL, "/api/processes", {
    slug: processSlug,
    names: {
      en: "International Meetings on Syria in the Astana format",
      ru: "Международные встречи по Сирии в астанинском формате",
      ar: "الاجتماعات الدولية بشأن سوريا بصيغة أستانا",
    },
    hostParticipantId: slugOf("kazakhstan"),
    guarantorIds: [slugOf("russia"), slugOf("turkiye"), slugOf("iran")],
    defaultCity: "Astana",
    defaultVenue: "Ritz-Carlton Hotel",
    launchedOn: "2017-01-23",
  });
  const account = async (name: string, prefix: string, locale = "en") => {
    const email = uniqueEmail(prefix);
    const created = await post(request, baseURL, "/api/accounts", {
      name,
      email,
      password,
      isAdmin: false,
      locale,
    });
    return { email, id: created.id as string };
  };
  const secretariat = await account("Daniyar Abenov", "secretariat");
  const delegate = await account("Alexander Lavrentiev", "russia");
  const hostDelegation = await hostDelegationId(request, processSlug, slugOf("kazakhstan"));
  if (hostDelegation) {
    await post(request, baseURL, `/api/delegations/${hostDelegation}/members`, { accountId: secretariat.id });
  }
  await context.close();
  return { processSlug, secretariat, delegate, hostDelegation };
}

/**
 * Round 23 planned and announced through the API by the secretariat, as the rounds' flow does in the
 * browser; answers the round's page in the secretariat's workspace.
 */
export async function planAnnouncedRound(browser: Browser, baseURL: string, setup: Setup): Promise<string> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInViaApi(page, baseURL, setup.secretariat.email, password);
  const round = await post(page.request, baseURL, `/api/processes/${setup.processSlug}/rounds`, {
    names: { en: "Round 23", ru: "Раунд 23", ar: "الجولة 23" },
    number: 23,
    city: "Astana",
    startDate: "2027-03-15",
    endDate: "2027-03-16",
  });
  await post(
    page.request,
    baseURL,
    `/api/rounds/${round.id}/announce`,
    {
      publishedOn: "2027-01-15",
      text: "The 23rd International Meeting on Syria in the Astana format will be held on 15–16 March 2027.",
    },
    200,
  );
  await context.close();
  return `/secretariat/${setup.processSlug}/rounds/${round.id}`;
}

/** The field shows this message next to it: marked invalid and described by the message. */
export async function expectFieldError(field: Locator, message: string) {
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
}

export async function expectNotice(page: Page, text: string | RegExp) {
  await expect(page.getByTestId("notices").getByText(text)).toBeVisible();
}
