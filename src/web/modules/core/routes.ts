import { IconUsers } from "@tabler/icons-react";
import type { AppRoute } from "../../shell/routes.ts";
import { AccountsPage } from "./AccountsPage.tsx";

export const coreRoutes: AppRoute[] = [
  {
    path: "/accounts",
    Component: AccountsPage,
    access: "admin",
    nav: { label: "core:nav.accounts", icon: IconUsers, order: 80 },
  },
];
