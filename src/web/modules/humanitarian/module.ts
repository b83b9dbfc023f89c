import { lazyNamed, type WebModule } from "../../shell/module.ts";
import { humanitarianEventTypes } from "./events.ts";
import { humKeys } from "./queries.ts";

const demoProcess = "/processes/astana/humanitarian";

/**
 * The humanitarian working group: the sides' lists (upload with column mapping and preview), cases and
 * their status history, the intermediary's review queue of candidate matches, exchanges, and the
 * pictures. Each page's code loads only when it is opened.
 */
export const humanitarianModule: WebModule = {
  name: "humanitarian",
  routes: [
    {
      path: "/processes/:slug/humanitarian",
      Component: lazyNamed(() => import("./HumanitarianPage.tsx"), "HumanitarianPage"),
      access: "public",
      examples: [demoProcess],
    },
    {
      path: "/processes/:slug/humanitarian/lists/new",
      Component: lazyNamed(() => import("./UploadPage.tsx"), "UploadPage"),
      access: "signed-in",
      examples: [`${demoProcess}/lists/new`],
    },
    {
      path: "/humanitarian/lists/:id",
      Component: lazyNamed(() => import("./ListPage.tsx"), "ListPage"),
      access: "signed-in",
      examples: ["/humanitarian/lists/demo-list-none"],
    },
    {
      path: "/processes/:slug/humanitarian/cases",
      Component: lazyNamed(() => import("./CasesPage.tsx"), "CasesPage"),
      access: "signed-in",
      examples: [`${demoProcess}/cases`],
    },
    {
      path: "/processes/:slug/humanitarian/cases/new",
      Component: lazyNamed(() => import("./CaseFormPage.tsx"), "CaseNewPage"),
      access: "signed-in",
      examples: [`${demoProcess}/cases/new`],
    },
    {
      path: "/humanitarian/cases/:id/edit",
      Component: lazyNamed(() => import("./CaseFormPage.tsx"), "CaseEditPage"),
      access: "signed-in",
      examples: ["/humanitarian/cases/demo-case-none/edit"],
    },
    {
      path: "/humanitarian/cases/:id",
      Component: lazyNamed(() => import("./CasePage.tsx"), "CasePage"),
      access: "signed-in",
      examples: ["/humanitarian/cases/demo-case-none"],
    },
    {
      path: "/processes/:slug/humanitarian/review",
      Component: lazyNamed(() => import("./ReviewPage.tsx"), "ReviewPage"),
      access: "signed-in",
      examples: [`${demoProcess}/review`],
    },
    {
      path: "/processes/:slug/humanitarian/exchanges",
      Component: lazyNamed(() => import("./ExchangesPage.tsx"), "ExchangesPage"),
      access: "public",
      examples: [`${demoProcess}/exchanges`],
    },
    {
      path: "/humanitarian/exchanges/:id",
      Component: lazyNamed(() => import("./ExchangePage.tsx"), "ExchangePage"),
      access: "public",
      examples: ["/humanitarian/exchanges/demo-exchange-01"],
    },
  ],
  sections: [
    {
      page: "process",
      id: "humanitarian",
      order: 80,
      Component: lazyNamed(() => import("./sections.tsx"), "ProcessHumanitarianSection"),
    },
  ],
  translations: {
    humanitarian: {
      en: () => import("./locales/en.json"),
      ru: () => import("./locales/ru.json"),
      ar: () => import("./locales/ar.json"),
    },
  },
  // Within a second of any committed change the reader may see, the humanitarian pages refetch.
  liveEvents: [{ types: humanitarianEventTypes, queryKeys: [humKeys.all] }],
};
