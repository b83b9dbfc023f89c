import { lazyNamed, type WebModule } from "../../shell/module.ts";

/** The results page of the search box in the header: the record searched in the reader's language. */
export const searchModule: WebModule = {
  name: "search",
  routes: [
    {
      path: "/search",
      Component: lazyNamed(() => import("./SearchPage.tsx"), "SearchPage"),
      access: "public",
    },
  ],
  translations: {
    search: {
      en: () => import("./locales/en.json"),
      ru: () => import("./locales/ru.json"),
      ar: () => import("./locales/ar.json"),
    },
  },
};
