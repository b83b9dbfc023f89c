import { IconListSearch } from "@tabler/icons-react";
import { lazyNamed, type WebModule } from "../../shell/module.ts";

/** The platform's pages: the audit log. */
export const platformModule: WebModule = {
  name: "platform",
  routes: [
    {
      path: "/audit",
      Component: lazyNamed(() => import("./AuditPage.tsx"), "AuditPage"),
      // Administrators, the host secretariat of any process, and a process's neutral intermediary (it
      // reads that process's humanitarian entries: who read a person's record, refusals included).
      access: (account) =>
        account.memberships.some(
          (membership) => membership.roles.includes("host") || membership.roles.includes("intermediary"),
        ),
      nav: { label: "platform:nav.audit", icon: IconListSearch, order: 90 },
    },
  ],
  translations: {
    platform: {
      en: () => import("./locales/en.json"),
      ru: () => import("./locales/ru.json"),
      ar: () => import("./locales/ar.json"),
    },
  },
};
