import { IconUsers } from "@tabler/icons-react";
import type { AppRoute } from "../../shell/routes.ts";
import { AccountsPage } from "./AccountsPage.tsx";

/** The core module's pages: accounts, for administrators. */
export const coreRoutes: AppRoute[] = [
  {
    path: "/accounts",
    Component: AccountsPage,
    access: "admin",
    nav: { label: "core:nav.accounts", icon: IconUsers, order: 80 },
  },
];
