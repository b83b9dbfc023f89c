import { IconIdBadge2, IconUsers } from "@tabler/icons-react";
import { lazyNamed, type WebModule } from "../../shell/module.ts";
import { accountEvents, accountsKey, membershipEvents, membershipsKey } from "./keys.ts";

/**
 * The core module's web part: accounts for administrators, and the standing delegations as a section
 * of the secretariat's workspace.
 */
export const coreModule: WebModule = {
  name: "core",
  routes: [
    {
      path: "/accounts",
      Component: lazyNamed(() => import("./AccountsPage.tsx"), "AccountsPage"),
      access: "admin",
      nav: { label: "core:nav.accounts", icon: IconUsers, order: 80 },
    },
  ],
  sections: [
    {
      page: "workspace",
      id: "delegations",
      order: 40,
      nav: { path: "delegations", label: "core:workspace.delegations", icon: IconIdBadge2 },
      title: "core:delegations.title",
      Component: lazyNamed(() => import("./WorkspaceDelegations.tsx"), "WorkspaceDelegations"),
    },
  ],
  // The standing delegations, shown in the secretariat's workspace, use its words.
  borrowsNamespaces: ["secretariat"],
  translations: {
    core: {
      en: () => import("./locales/en.json"),
      ru: () => import("./locales/ru.json"),
      ar: () => import("./locales/ar.json"),
    },
  },
  // A change made elsewhere (the CLI, another administrator, a secretariat) shows up without a reload.
  liveEvents: [
    { types: accountEvents, queryKeys: [accountsKey] },
    { types: membershipEvents, queryKeys: [membershipsKey] },
  ],
};
