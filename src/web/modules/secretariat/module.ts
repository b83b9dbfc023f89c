import {
  IconBriefcase,
  IconCalendarEvent,
  IconIdBadge2,
  IconSettings,
  IconUsersGroup,
  IconWorld,
} from "@tabler/icons-react";
import { lazyNamed, type WebModule } from "../../shell/module.ts";
import type { Me } from "../../shell/session.ts";
import { coreRecordEventTypes } from "../process/index.ts";
import { delegationMemberships, hostedProcessIds } from "./access.ts";
import { recordKey } from "./keys.ts";

/** The secretariat's workspace is offered to members of a host delegation (the server decides again). */
const isSecretariat = (account: Me) => hostedProcessIds(account).size > 0;
/** "My delegation" is offered to members of a delegation other than a host's. */
const isDelegationMember = (account: Me) => delegationMemberships(account).length > 0;

const workspaceSections = () => import("./workspace-sections.ts");
const roundSections = () => import("./round-sections.tsx");
/** The workspace's pages fetch this module's sections with them. */
const sectionPage = () => {
  void workspaceSections();
  return import("./WorkspaceSectionPage.tsx");
};
const roundPage = () => {
  void roundSections();
  return import("./RoundPage.tsx");
};

/**
 * The host secretariat's workspace (its pages, and its own sections of the workspace and of the
 * workspace's round page) and a delegation's own page. Its code loads only when one is opened.
 */
export const secretariatModule: WebModule = {
  name: "secretariat",
  routes: [
    {
      path: "/secretariat",
      Component: lazyNamed(() => import("./SecretariatHome.tsx"), "SecretariatHome"),
      access: isSecretariat,
      nav: { label: "secretariat:nav.secretariat", icon: IconBriefcase, order: 40 },
    },
    {
      path: "/secretariat/:processSlug",
      Component: lazyNamed(sectionPage, "WorkspaceSectionPage"),
      access: isSecretariat,
      examples: ["/secretariat/astana"],
    },
    {
      path: "/secretariat/:processSlug/:section",
      Component: lazyNamed(sectionPage, "WorkspaceSectionPage"),
      access: isSecretariat,
      examples: ["/secretariat/astana/process"],
    },
    {
      path: "/secretariat/:processSlug/rounds/:roundId",
      Component: lazyNamed(roundPage, "RoundPage"),
      access: isSecretariat,
      examples: ["/secretariat/astana/rounds/demo-round-22"],
    },
    {
      path: "/my-delegation",
      Component: lazyNamed(() => import("./MyDelegationPage.tsx"), "MyDelegationPage"),
      access: isDelegationMember,
      nav: { label: "secretariat:nav.myDelegation", icon: IconIdBadge2, order: 45 },
    },
    {
      path: "/my-delegation/:roundDelegationId",
      Component: lazyNamed(() => import("./DelegationListPage.tsx"), "DelegationListPage"),
      access: isDelegationMember,
      examples: ["/my-delegation/demo-round-22-delegation-russia"],
    },
  ],
  sections: [
    {
      page: "workspace",
      id: "rounds",
      order: 10,
      nav: { path: "", label: "secretariat:workspace.rounds", icon: IconCalendarEvent },
      Component: lazyNamed(workspaceSections, "RoundsSection"),
    },
    {
      page: "workspace",
      id: "process",
      order: 20,
      nav: { path: "process", label: "secretariat:workspace.process", icon: IconSettings },
      Component: lazyNamed(workspaceSections, "ProcessSection"),
    },
    {
      page: "workspace",
      id: "participants",
      order: 30,
      nav: { path: "participants", label: "secretariat:workspace.participants", icon: IconUsersGroup },
      Component: lazyNamed(workspaceSections, "ParticipantsSection"),
    },
    {
      page: "workspace",
      id: "meetings",
      order: 50,
      nav: { path: "meetings", label: "secretariat:workspace.meetings", icon: IconWorld },
      Component: lazyNamed(workspaceSections, "MeetingsSection"),
    },
    {
      page: "workspaceRound",
      id: "overview",
      order: 10,
      tab: { label: "secretariat:roundPage.overview" },
      Component: lazyNamed(roundSections, "OverviewSection"),
    },
    {
      page: "workspaceRound",
      id: "delegations",
      order: 20,
      tab: { label: "secretariat:roundPage.delegations" },
      Component: lazyNamed(roundSections, "DelegationsSection"),
    },
    {
      page: "workspaceRound",
      id: "list",
      order: 30,
      tab: { label: "secretariat:roundPage.list" },
      Component: lazyNamed(roundSections, "ParticipantsListSection"),
    },
  ],
  translations: {
    secretariat: {
      en: () => import("./locales/en.json"),
      ru: () => import("./locales/ru.json"),
      ar: () => import("./locales/ar.json"),
    },
  },
  // A colleague's (or a delegation's) change refetches what is on screen; forms keep what is being
  // typed, and a save based on an older version is refused by the server as "changed by someone else".
  liveEvents: [{ types: ["core.process.create", ...coreRecordEventTypes], queryKeys: [recordKey] }],
};
