import { IconListSearch } from "@tabler/icons-react";
import type { AppRoute } from "../../shell/routes.ts";
import { AuditPage } from "./AuditPage.tsx";

/** The platform's pages: the audit log. */
export const platformRoutes: AppRoute[] = [
  {
    path: "/audit",
    Component: AuditPage,
    // Administrators and the host secretariat of any process.
    access: (account) => account.memberships.some((membership) => membership.roles.includes("host")),
    nav: { label: "platform:nav.audit", icon: IconListSearch, order: 90 },
  },
];
