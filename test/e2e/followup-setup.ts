// The follow-up's browser tests' set-up: a synthetic ACLED-format file (no real events) and a process
// with a monitoring team (an organization holding the monitor role, one member), the Idlib
// de-escalation area (approximate) and a ceasefire commitment covering it.
import type { Browser } from "@playwright/test";
import { admin, signInViaApi, uniqueEmail } from "./helpers.ts";
import { pageAs, password, post, type Setup } from "./secretariat-setup.ts";

/** ACLED's columns the import reads, and synthetic rows in the Idlib zone (no real events). */
export const header = [
  "event_id_cnty",
  "event_date",
  "time_precision",
  "event_type",
  "sub_event_type",
  "actor1",
  "actor2",
  "admin1",
  "admin2",
  "admin3",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "source",
  "notes",
  "fatalities",
];
export const row = (id: string, date: string, type: string, latitude: number, notes: string) =>
  [
    id,
    date,
    1,
    type,
    "",
    "Synthetic actor A",
    "Synthetic actor B",
    "Idleb",
    "Idleb",
    "Idleb",
    "Synthetic place",
  ]
    .concat([latitude, 36.63, 1, "Synthetic source", notes, 1])
    .map((value) => `"${String(value)}"`)
    .join(",");
export const acledFile = [
  header.join(","),
  row("SYR-E2E-1", "2025-03-10", "Battles", 35.93, "Synthetic: the report to verify."),
  row("SYR-E2E-2", "2025-03-20", "Explosions/Remote violence", 35.9, "Synthetic: the report to dispute."),
  row("SYR-E2E-3", "2025-04-05", "Battles", 35.95, "Synthetic: a report of April."),
  row("SYR-E2E-4", "2025-04-06", "Battles", 200, "Synthetic: a latitude out of range."),
].join("\r\n");

/** The monitoring team, the Idlib zone and the ceasefire commitment, set up through the API. */
export async function setUpMonitoring(
  browser: Browser,
  base: string,
  setup: Setup,
  slugOf: (name: string) => string,
): Promise<{ monitorEmail: string; commitmentId: string; zoneId: string }> {
  const adminPage = await pageAs(browser, base, null);
  await signInViaApi(adminPage, base, admin.email, admin.password);
  await post(adminPage.request, base, "/api/participants", {
    slug: slugOf("monitors"),
    kind: "organization",
    names: {
      en: "Ceasefire monitors",
      ru: "Наблюдатели за прекращением огня",
      ar: "مراقبو وقف إطلاق النار",
    },
  });
  const monitorEmail = uniqueEmail("monitor");
  const monitor = await post(adminPage.request, base, "/api/accounts", {
    name: "Leila Haddad",
    email: monitorEmail,
    password,
    isAdmin: false,
    locale: "en",
  });
  const host = await pageAs(browser, base, setup.secretariat.email);
  await post(host.request, base, `/api/processes/${setup.processSlug}/roles`, {
    participantId: slugOf("monitors"),
    role: "monitor",
    fromDate: "2017-01-23",
  });
  const delegations = (await (
    await adminPage.request.get(`/api/processes/${setup.processSlug}/delegations`)
  ).json()) as { items: { id: string; participant: { slug: string } }[] };
  const team = delegations.items.find((item) => item.participant.slug === slugOf("monitors"));
  await post(adminPage.request, base, `/api/delegations/${team?.id}/members`, { accountId: monitor.id });
  const zone = await post(host.request, base, `/api/processes/${setup.processSlug}/zones`, {
    name: "Idlib de-escalation area",
    approximate: true,
    startDate: "2017-05-04",
    termMonths: 6,
    autoExtend: true,
    geometry: {
      type: "Polygon",
      coordinates: [
        [
          [36.0, 36.25],
          [36.55, 36.55],
          [37.05, 36.3],
          [37.15, 35.85],
          [36.85, 35.45],
          [36.2, 35.35],
          [35.95, 35.7],
          [36.0, 36.25],
        ],
      ],
    },
  });
  const commitment = await post(host.request, base, `/api/processes/${setup.processSlug}/commitments`, {
    what: "Observe the ceasefire in the Idlib de-escalation area",
    category: "ceasefire",
    zoneIds: [zone.id],
    dueDate: "2025-12-31",
  });
  await host.context().close();
  await adminPage.context().close();
  return { monitorEmail, commitmentId: commitment.id, zoneId: zone.id };
}
