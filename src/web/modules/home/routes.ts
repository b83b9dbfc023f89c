import { IconHome } from "@tabler/icons-react";
import type { AppRoute } from "../../shell/routes.ts";
import { HomePage } from "./HomePage.tsx";

/** The start page; the process module replaces it. */
export const homeRoutes: AppRoute[] = [
  {
    path: "/",
    Component: HomePage,
    access: "public",
    nav: { label: "shell:nav.home", icon: IconHome, order: 0, end: true },
  },
];
