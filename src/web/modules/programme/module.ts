import { lazyNamed, type WebModule } from "../../shell/module.ts";
import { programmeEventTypes } from "./events.ts";
import { programmeKeys } from "./queries.ts";

const sections = () => import("./sections.tsx");
const demoRound = "demo-round-22";

/**
 * A round's programme: the grid (days × rooms, coloured by kind, with a legend and a table), each
 * delegation's own programme and calendar, the consultation requests, and the secretariat's tab to set
 * days, rooms, agenda and fixed sessions.
 */
export const programmeModule: WebModule = {
  name: "programme",
  routes: [
    {
      path: "/rounds/:id/programme",
      Component: lazyNamed(() => import("./ProgrammePage.tsx"), "ProgrammePage"),
      access: "public",
      examples: [`/rounds/${demoRound}/programme`],
    },
    {
      path: "/rounds/:id/programme/requests",
      Component: lazyNamed(() => import("./RequestsPage.tsx"), "RequestsPage"),
      access: "signed-in",
      examples: [`/rounds/${demoRound}/programme/requests`],
    },
    {
      path: "/rounds/:id/programme/participants/:participant",
      Component: lazyNamed(() => import("./DelegationPage.tsx"), "DelegationPage"),
      access: "public",
      examples: [`/rounds/${demoRound}/programme/participants/demo-participant-russia`],
    },
  ],
  sections: [
    { page: "round", id: "programme", order: 30, Component: lazyNamed(sections, "RoundProgrammeSection") },
    {
      page: "workspaceRound",
      id: "programme",
      order: 35,
      tab: { label: "programme:tab" },
      Component: lazyNamed(sections, "WorkspaceProgrammeSection"),
    },
  ],
  translations: {
    programme: {
      en: () => import("./locales/en.json"),
      ru: () => import("./locales/ru.json"),
      ar: () => import("./locales/ar.json"),
    },
  },
  // Within a second of any committed change to the programme the reader may see, its pages refetch.
  liveEvents: [{ types: programmeEventTypes, queryKeys: [programmeKeys.all] }],
};
