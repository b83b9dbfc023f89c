import { IconTimeline, IconUsersGroup } from "@tabler/icons-react";
import { lazyNamed, type WebModule } from "../../shell/module.ts";
import "./process.css";
import { processEventTypes } from "./events.ts";
import { processKeys } from "./queries.ts";

const roundSections = () => import("./pages/round-sections.tsx");
const processSections = () => import("./pages/process-sections.tsx");
/** A page and this module's sections on it, fetched together. */
const withSections =
  <Page>(page: () => Promise<Page>, sections: () => Promise<unknown>) =>
  () => {
    void sections();
    return page();
  };

const pages = {
  processes: () => import("./pages/ProcessesPage.tsx"),
  process: withSections(() => import("./pages/ProcessPage.tsx"), processSections),
  attendance: () => import("./pages/AttendancePage.tsx"),
  timeline: () => import("./pages/TimelinePage.tsx"),
  conflicts: () => import("./pages/ConflictsPage.tsx"),
  roundByNumber: () => import("./pages/RoundByNumberPage.tsx"),
  round: withSections(() => import("./pages/RoundPage.tsx"), roundSections),
  delegation: () => import("./pages/DelegationPage.tsx"),
  participants: () => import("./pages/ParticipantsPage.tsx"),
  participant: () => import("./pages/ParticipantPage.tsx"),
  meeting: () => import("./pages/MeetingPage.tsx"),
};

/**
 * The public reading pages of the process record (the server shows each reader what their tier
 * allows), and this module's sections of the round and process pages.
 */
export const processModule: WebModule = {
  name: "process",
  routes: [
    {
      path: "/processes",
      Component: lazyNamed(pages.processes, "ProcessesPage"),
      access: "public",
      nav: { label: "process:nav.processes", icon: IconTimeline, order: 10 },
    },
    {
      path: "/processes/:slug",
      Component: lazyNamed(pages.process, "ProcessPage"),
      access: "public",
      examples: ["/processes/astana"],
    },
    {
      path: "/processes/:slug/attendance",
      Component: lazyNamed(pages.attendance, "AttendancePage"),
      access: "public",
      examples: ["/processes/astana/attendance"],
    },
    {
      path: "/processes/:slug/timeline",
      Component: lazyNamed(pages.timeline, "TimelinePage"),
      examples: ["/processes/astana/timeline"],
      access: "public",
    },
    {
      path: "/processes/:slug/conflicts",
      Component: lazyNamed(pages.conflicts, "ConflictsPage"),
      access: "public",
      examples: ["/processes/astana/conflicts"],
    },
    {
      path: "/processes/:slug/rounds/:number",
      Component: lazyNamed(pages.roundByNumber, "RoundByNumberPage"),
      access: "public",
      examples: ["/processes/astana/rounds/22"],
    },
    {
      path: "/rounds/:id",
      Component: lazyNamed(pages.round, "RoundPage"),
      access: "public",
      examples: ["/rounds/demo-round-22", "/rounds/demo-round-01"],
    },
    {
      path: "/round-delegations/:id",
      Component: lazyNamed(pages.delegation, "DelegationPage"),
      access: "public",
      examples: ["/round-delegations/demo-round-22-delegation-iran"],
    },
    {
      path: "/participants",
      Component: lazyNamed(pages.participants, "ParticipantsPage"),
      access: "public",
      nav: { label: "process:nav.participants", icon: IconUsersGroup, order: 20 },
    },
    {
      path: "/participants/:id",
      Component: lazyNamed(pages.participant, "ParticipantPage"),
      access: "public",
      examples: ["/participants/iran", "/participants/united-states"],
    },
    {
      path: "/meetings/:id",
      Component: lazyNamed(pages.meeting, "MeetingPage"),
      access: "public",
      examples: ["/meetings/demo-fm-moscow-2016-12-20"],
    },
  ],
  sections: [
    {
      page: "round",
      id: "announced-vs-held",
      order: 10,
      Component: lazyNamed(roundSections, "AnnouncedVsHeldSection"),
    },
    { page: "round", id: "conflicts", order: 20, Component: lazyNamed(roundSections, "ConflictsSection") },
    {
      page: "round",
      id: "participants",
      order: 30,
      Component: lazyNamed(roundSections, "ParticipantsSection"),
    },
    { page: "round", id: "outcomes", order: 40, Component: lazyNamed(roundSections, "OutcomesSection") },
    { page: "round", id: "next-round", order: 50, Component: lazyNamed(roundSections, "NextRoundSection") },
    {
      page: "round",
      id: "announcements",
      order: 60,
      Component: lazyNamed(roundSections, "AnnouncementsSection"),
    },
    { page: "round", id: "sources", order: 70, Component: lazyNamed(roundSections, "SourcesSection") },
    {
      page: "process",
      id: "decisions",
      order: 10,
      Component: lazyNamed(processSections, "DecisionsSection"),
    },
    { page: "process", id: "timeline", order: 20, Component: lazyNamed(processSections, "TimelineSection") },
    { page: "process", id: "rounds", order: 30, Component: lazyNamed(processSections, "RoundsSection") },
    {
      page: "process",
      id: "role-changes",
      order: 40,
      Component: lazyNamed(processSections, "RoleChangesSection"),
    },
    {
      page: "process",
      id: "sources",
      order: 50,
      Component: lazyNamed(processSections, "ProcessSourcesSection"),
    },
  ],
  translations: {
    process: {
      en: () => import("./locales/en.json"),
      ru: () => import("./locales/ru.json"),
      ar: () => import("./locales/ar.json"),
    },
  },
  // Keeps an open page current: a round announced or changed (or anything else these pages show)
  // refetches every "process" answer on screen.
  liveEvents: [{ types: processEventTypes, queryKeys: [processKeys.all] }],
};
