import { IconListSearch } from "@tabler/icons-react";
import { lazyNamed, type WebModule } from "../../shell/module.ts";

/** The platform's pages: the audit log. */
export const platformModule: WebModule = {
  name: "platform",
  routes: [
    {
      path: "/audit",
      Component: lazyNamed(() => import("./AuditPage.tsx"), "AuditPage"),
      // Administrators and the host secretariat of any process.
      access: (account) => account.memberships.some((membership) => membership.roles.includes("host")),
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
