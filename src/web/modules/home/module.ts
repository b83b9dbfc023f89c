import { IconHome } from "@tabler/icons-react";
import { lazyNamed, type WebModule } from "../../shell/module.ts";

/** The start page; its strings are the shell's and the process module's. */
export const homeModule: WebModule = {
  name: "home",
  routes: [
    {
      path: "/",
      Component: lazyNamed(() => import("./HomePage.tsx"), "HomePage"),
      access: "public",
      nav: { label: "shell:nav.home", icon: IconHome, order: 0, end: true },
    },
  ],
  borrowsNamespaces: ["process"],
};
