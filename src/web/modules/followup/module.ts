import { lazyNamed, type WebModule } from "../../shell/module.ts";
import { followupEventTypes } from "./events.ts";
import { followupKeys } from "./queries.ts";

const sections = () => import("./sections.tsx");
const demoProcess = "/processes/astana";

/**
 * The follow-up's pictures and screens: the map of zones and incidents with its time slider, the chart
 * of incidents per zone per month, the commitment tracker and each commitment's page, each incident's
 * page with the monitoring team's decisions, the ACLED import, and a round's "since the last round"
 * report; with links from the process page and the round page.
 */
export const followupModule: WebModule = {
  name: "followup",
  routes: [
    {
      path: "/processes/:slug/followup",
      Component: lazyNamed(() => import("./MapPage.tsx"), "MapPage"),
      access: "public",
      examples: [`${demoProcess}/followup`, `${demoProcess}/followup?month=2018-04`],
    },
    {
      path: "/processes/:slug/followup/charts",
      Component: lazyNamed(() => import("./ChartsPage.tsx"), "ChartsPage"),
      access: "public",
      examples: [`${demoProcess}/followup/charts`],
    },
    {
      path: "/processes/:slug/followup/import",
      Component: lazyNamed(() => import("./ImportPage.tsx"), "ImportPage"),
      access: "signed-in",
      examples: [`${demoProcess}/followup/import`],
    },
    {
      path: "/processes/:slug/zones/:id",
      Component: lazyNamed(() => import("./ZonePage.tsx"), "ZonePage"),
      access: "public",
      examples: [`${demoProcess}/zones/demo-zone-idlib`, `${demoProcess}/zones/demo-zone-eastern-ghouta`],
    },
    {
      path: "/processes/:slug/commitments",
      Component: lazyNamed(() => import("./CommitmentsPage.tsx"), "CommitmentsPage"),
      access: "public",
      examples: [`${demoProcess}/commitments`],
    },
    {
      path: "/processes/:slug/commitments/:id",
      Component: lazyNamed(() => import("./CommitmentPage.tsx"), "CommitmentPage"),
      access: "public",
    },
    {
      path: "/processes/:slug/incidents/new",
      Component: lazyNamed(() => import("./ReportIncidentPage.tsx"), "ReportIncidentPage"),
      access: "signed-in",
      examples: [`${demoProcess}/incidents/new`],
    },
    {
      path: "/processes/:slug/incidents/:id",
      Component: lazyNamed(() => import("./IncidentPage.tsx"), "IncidentPage"),
      access: "public",
    },
    {
      path: "/rounds/:id/followup-report",
      Component: lazyNamed(() => import("./ReportPage.tsx"), "ReportPage"),
      access: "public",
      examples: ["/rounds/demo-round-22/followup-report"],
    },
  ],
  sections: [
    { page: "process", id: "followup", order: 45, Component: lazyNamed(sections, "ProcessFollowupSection") },
    { page: "round", id: "followup", order: 50, Component: lazyNamed(sections, "RoundFollowupSection") },
  ],
  // The zone page shows the record's conflicts with the process pages' card; the incident page names tiers.
  borrowsNamespaces: ["process", "platform"],
  translations: {
    followup: {
      en: () => import("./locales/en.json"),
      ru: () => import("./locales/ru.json"),
      ar: () => import("./locales/ar.json"),
    },
  },
  // Within a second of any committed change the reader may see, the follow-up's pages refetch.
  liveEvents: [
    { types: followupEventTypes, queryKeys: [followupKeys.all] },
    { types: ["platform.job.progress", "platform.job.finish"], queryKeys: [followupKeys.importJobs] },
  ],
};
