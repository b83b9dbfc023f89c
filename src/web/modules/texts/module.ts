import { lazyNamed, type WebModule } from "../../shell/module.ts";
import { textsEventTypes } from "./events.ts";
import { textsKeys } from "./queries.ts";

const sections = () => import("./sections.tsx");

/**
 * Negotiated texts: the document page (compilation text with brackets, proposals, positions, consensus),
 * the round page's list of texts, and the secretariat's tab to open one from pasted plain text.
 */
export const textsModule: WebModule = {
  name: "texts",
  routes: [
    {
      path: "/texts/:id",
      Component: lazyNamed(() => import("./DocumentPage.tsx"), "DocumentPage"),
      access: "public",
    },
  ],
  sections: [
    { page: "round", id: "texts", order: 35, Component: lazyNamed(sections, "RoundTextsSection") },
    {
      page: "workspaceRound",
      id: "texts",
      order: 40,
      tab: { label: "texts:tab" },
      Component: lazyNamed(sections, "WorkspaceTextsSection"),
    },
  ],
  translations: {
    texts: {
      en: () => import("./locales/en.json"),
      ru: () => import("./locales/ru.json"),
      ar: () => import("./locales/ar.json"),
    },
    textsIo: {
      en: () => import("./io/locales/en.json"),
      ru: () => import("./io/locales/ru.json"),
      ar: () => import("./io/locales/ar.json"),
    },
  },
  // Within a second of any committed change to a text the reader may see, its pages refetch.
  liveEvents: [{ types: textsEventTypes, queryKeys: [textsKeys.all] }],
};
