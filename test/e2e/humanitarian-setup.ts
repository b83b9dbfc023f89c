// The humanitarian browser tests' cast: a process hosted by Kazakhstan with three guarantors, the
// government and the opposition as its sides and the ICRC as the neutral intermediary, each with one
// account (roles assigned by the host secretariat, as only it may).
import type { Browser } from "@playwright/test";
import { admin, signInViaApi, uniqueEmail } from "./helpers.ts";
import { pageAs, password, post } from "./secretariat-setup.ts";

export type HumCast = { processSlug: string; government: string; opposition: string; icrc: string };

/** Sets up the working group's process and its three accounts through the API. */
export async function setUpWorkingGroup(
  browser: Browser,
  baseURL: string | undefined,
  slugOf: (name: string) => string,
): Promise<HumCast> {
  const base = baseURL ?? "";
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  await signInViaApi(page, base, admin.email, admin.password);
  const request = page.request;
  for (const [name, kind, en] of [
    ["kazakhstan", "state", "Kazakhstan"],
    ["russia", "state", "Russia"],
    ["turkiye", "state", "Türkiye"],
    ["iran", "state", "Iran"],
    ["government", "party", "Government of the Syrian Arab Republic"],
    ["opposition", "party", "Syrian armed opposition"],
    ["icrc", "organization", "International Committee of the Red Cross"],
  ] as const)
    await post(request, base, "/api/participants", { slug: slugOf(name), kind, names: { en } });
  const processSlug = slugOf("astana");
  await post(request, base, "/api/processes", {
    slug: processSlug,
    names: { en: "International Meetings on Syria in the Astana format" },
    hostParticipantId: slugOf("kazakhstan"),
    guarantorIds: [slugOf("russia"), slugOf("turkiye"), slugOf("iran")],
    defaultCity: "Astana",
    launchedOn: "2017-01-23",
  });
  // Roles are the host secretariat's to assign: an account joins Kazakhstan's delegation first.
  const delegationsOf = async () =>
    (
      (await (await request.get(`/api/processes/${processSlug}/delegations`)).json()) as {
        items: { id: string; participant: { slug: string } }[];
      }
    ).items;
  const secretariatEmail = uniqueEmail("secretariat");
  const secretariat = await post(request, base, "/api/accounts", {
    name: "Daniyar Abenov",
    email: secretariatEmail,
    password,
    isAdmin: false,
    locale: "en",
  });
  const host = (await delegationsOf()).find((item) => item.participant.slug === slugOf("kazakhstan"));
  await post(request, base, `/api/delegations/${host?.id}/members`, { accountId: secretariat.id });
  const hostPage = await pageAs(browser, base, secretariatEmail);
  for (const [name, role] of [
    ["government", "party"],
    ["opposition", "party"],
    ["icrc", "intermediary"],
  ] as const)
    await post(hostPage.request, base, `/api/processes/${processSlug}/roles`, {
      participantId: slugOf(name),
      role,
      fromDate: "2017-01-23",
    });
  await hostPage.context().close();
  const delegations = { items: await delegationsOf() };
  const emails: Record<string, string> = {};
  for (const [name, person] of [
    ["government", "Ayman Sousan"],
    ["opposition", "Ahmad Tohme"],
    ["icrc", "Fabrizio Carboni"],
  ] as const) {
    const email = uniqueEmail(name);
    const account = await post(request, base, "/api/accounts", {
      name: person,
      email,
      password,
      isAdmin: false,
      locale: "en",
    });
    const delegation = delegations.items.find((item) => item.participant.slug === slugOf(name));
    await post(request, base, `/api/delegations/${delegation?.id}/members`, { accountId: account.id });
    emails[name] = email;
  }
  await context.close();
  return {
    processSlug,
    government: emails.government ?? "",
    opposition: emails.opposition ?? "",
    icrc: emails.icrc ?? "",
  };
}
