import { IconFlask } from "@tabler/icons-react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createElement, type ReactNode } from "react";
import { prerender } from "react-dom/static";
import { initReactI18next } from "react-i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { i18n } from "../shell/i18n.ts";
import { ModuleSections, ModulesProvider } from "../shell/ModuleSlots.tsx";
import { composeModules, lazyNamed, type SectionContexts, type WebModule } from "../shell/module.ts";
import { type Me, sessionKey } from "../shell/session.ts";
import { webModules } from "./modules.ts";

// A module the app has never heard of, written the way a new module would be: everything it adds is
// in its manifest, and nothing else is edited.
const fixtureStrings = { en: { title: "Fixture" }, ru: { title: "Фикстура" }, ar: { title: "تجربة" } };
const fixtureKey = ["fixture", "round-notes"] as const;

function RoundNotes({ round }: SectionContexts["round"]) {
  return createElement("section", { id: "fixture-notes" }, `notes of round ${round.number}`);
}
function RoundEditor({ round }: SectionContexts["round"]) {
  return createElement("section", { id: "fixture-editor" }, `edit notes of round ${round.number}`);
}
function NotesPage() {
  return createElement("p", null, "every note");
}
const notesModule = { RoundNotes, RoundEditor, NotesPage };

const fixtureModule: WebModule = {
  name: "fixture",
  routes: [
    {
      path: "/fixture-notes",
      Component: lazyNamed(async () => notesModule, "NotesPage"),
      access: "public",
      nav: { label: "fixture:title", icon: IconFlask, order: 50 },
    },
  ],
  sections: [
    {
      page: "round",
      id: "fixture-notes",
      order: 25,
      Component: lazyNamed(async () => notesModule, "RoundNotes"),
    },
    {
      page: "round",
      id: "fixture-editor",
      order: 26,
      // Shown only where the server says the reader may change the round.
      visible: ({ round }) => round.can.update === true,
      Component: lazyNamed(async () => notesModule, "RoundEditor"),
    },
  ],
  translations: {
    fixture: {
      en: async () => ({ default: fixtureStrings.en }),
      ru: async () => ({ default: fixtureStrings.ru }),
      ar: async () => ({ default: fixtureStrings.ar }),
    },
  },
  liveEvents: [{ types: ["fixture.note.add", "core.round.announce"], queryKeys: [fixtureKey] }],
};

/** A second module with a section on the same page, to see the sections ordered across modules. */
const neighbourModule: WebModule = {
  name: "neighbour",
  sections: [
    {
      page: "round",
      id: "neighbour-first",
      order: 10,
      Component: lazyNamed(
        async () => ({ First: () => createElement("p", { id: "neighbour-first" }, "first") }),
        "First",
      ),
    },
  ],
};

const round = (can: Record<string, boolean>) => ({
  id: "round-1",
  processId: "process-1",
  number: 7,
  status: "planned",
  can,
});

/** The round page's slot as a reader would get it, once every lazily loaded section has arrived. */
async function renderRoundSlot(
  modules: readonly WebModule[],
  can: Record<string, boolean>,
  account: Me | null,
) {
  const client = new QueryClient();
  client.setQueryData(sessionKey, account);
  const tree: ReactNode = createElement(
    QueryClientProvider,
    { client },
    createElement(
      ModulesProvider,
      { modules: composeModules(modules) },
      createElement(ModuleSections<"round">, { page: "round", context: { round: round(can) } }),
    ),
  );
  const { prelude } = await prerender(tree);
  return new Response(prelude).text();
}

describe("the web modules put together", () => {
  const composed = composeModules([...webModules, fixtureModule]);
  // The fixture's strings as if fetched: its sections show only once they have arrived.
  beforeAll(async () => {
    await i18n.use(initReactI18next).init({
      lng: "en",
      resources: { en: { fixture: fixtureStrings.en } },
      ns: ["fixture"],
      react: { useSuspense: false },
    });
  });

  it("adds a new module's page, and its navigation entry, to the app's", () => {
    const page = composed.routes.find((route) => route.path === "/fixture-notes");
    expect(page?.nav?.label).toBe("fixture:title");
    // The pages of the app's own modules are all still there.
    for (const path of ["/", "/accounts", "/audit", "/rounds/:id", "/secretariat/:processSlug"]) {
      expect(composed.routes.map((route) => route.path)).toContain(path);
    }
  });

  it("puts a new module's sections on the round page in their order, each shown by its own rule", async () => {
    const html = await renderRoundSlot([fixtureModule, neighbourModule], { update: false }, null);
    expect(html).toContain("notes of round 7");
    expect(html).not.toContain("edit notes");
    expect(html.indexOf('id="neighbour-first"')).toBeLessThan(html.indexOf('id="fixture-notes"'));

    const editable = await renderRoundSlot([fixtureModule, neighbourModule], { update: true }, null);
    expect(editable.indexOf('id="fixture-notes"')).toBeLessThan(editable.indexOf('id="fixture-editor"'));
    expect(editable).toContain("edit notes of round 7");
  });

  it("loads a new module's translations in every language, beside the app's own namespaces", async () => {
    expect(composed.namespaces).toEqual(
      expect.arrayContaining(["core", "platform", "process", "secretariat", "fixture"]),
    );
    expect(await composed.loadTranslation("ru", "fixture")).toEqual({ title: "Фикстура" });
    expect(await composed.loadTranslation("ar", "fixture")).toEqual({ title: "تجربة" });
  });

  it("fetches before the first render only the strings of the page asked for, not every module's", () => {
    expect(composed.namespacesFor("/fixture-notes")).toEqual(["fixture"]);
    const publicProcessPage = composeModules(webModules).namespacesFor("/processes/astana");
    expect(publicProcessPage).toContain("process");
    for (const unneeded of ["secretariat", "programme", "humanitarian", "texts", "platform"])
      expect(publicProcessPage).not.toContain(unneeded);
    // The start page uses the process module's words too.
    expect(composeModules(webModules).namespacesFor("/")).toEqual(["process"]);
  });

  it("gives every namespace of the app's modules in English, Russian and Arabic, with the same keys", async () => {
    const keysOf = (value: unknown, prefix = ""): string[] =>
      value && typeof value === "object"
        ? Object.entries(value).flatMap(([key, inner]) => keysOf(inner, `${prefix}${key}.`))
        : [prefix.replace(/_(one|few|many|other|zero|two)\.$/, ".")];
    for (const namespace of composeModules(webModules).namespaces) {
      const english = new Set(keysOf(await composed.loadTranslation("en", namespace)));
      expect(english.size, namespace).toBeGreaterThan(0);
      for (const locale of ["ru", "ar"]) {
        const other = new Set(keysOf(await composed.loadTranslation(locale, namespace)));
        expect(
          [...english].filter((key) => !other.has(key)),
          `${namespace} in ${locale}`,
        ).toEqual([]);
      }
    }
  });

  it("refreshes a new module's queries on its live events, and on the app's events it listens to", () => {
    expect(composed.liveEvents.types).toContain("fixture.note.add");
    expect(composed.liveEvents.queryKeysFor("fixture.note.add")).toEqual([fixtureKey]);
    // An event two modules care about refreshes both modules' answers.
    expect(composed.liveEvents.queryKeysFor("core.round.announce")).toEqual(
      expect.arrayContaining([fixtureKey, ["process"], ["secretariat"]]),
    );
    expect(composed.liveEvents.allQueryKeys).toContainEqual(fixtureKey);
  });

  it("refuses two modules that claim the same page, namespace or section", () => {
    const twin: WebModule = { ...fixtureModule, name: "twin" };
    expect(() => composeModules([fixtureModule, twin])).toThrow(/same page address: \/fixture-notes/);
    expect(() =>
      composeModules([fixtureModule, { name: "twin", translations: fixtureModule.translations }]),
    ).toThrow(/same translation namespace: fixture/);
    expect(() => composeModules([fixtureModule, { name: "twin", sections: fixtureModule.sections }])).toThrow(
      /same section: round\/fixture-notes/,
    );
  });
});
