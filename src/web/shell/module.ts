import type { Icon } from "@tabler/icons-react";
import type { QueryKey } from "@tanstack/react-query";
import { type ComponentType, type LazyExoticComponent, lazy } from "react";
import { matchRoutes } from "react-router";
import type { Locale } from "./i18n.ts";
import { withNamespaces } from "./namespaces.tsx";
import type { AppRoute } from "./routes.ts";
import type { Me } from "./session.ts";

/** A round as a shared page hands it to sections: who it is, and what the server says the reader may do. */
export type RoundRef = {
  id: string;
  processId: string;
  number: number;
  status: string;
  can: Readonly<Record<string, boolean>>;
};

/** A process as a shared page hands it to sections. */
export type ProcessRef = {
  id: string;
  slug: string;
  status: string;
  can: Readonly<Record<string, boolean>>;
};

/**
 * The shared pages that take other modules' sections, and what each gives its sections. A section
 * reads anything more through its own queries (the page's own answers are in the cache already).
 */
export type SectionContexts = {
  /** The public round page, `/rounds/:id`. */
  round: { round: RoundRef };
  /** The public process page, `/processes/:slug`. */
  process: { process: ProcessRef };
  /** The secretariat's workspace of one process: each section is a page with its entry in the workspace's menu. */
  workspace: { process: ProcessRef };
  /** The secretariat's page of one round: each section is a tab. */
  workspaceRound: { process: ProcessRef; round: RoundRef };
};

export type SharedPage = keyof SectionContexts;

/** What each shared page needs of a section besides its component. */
type SectionExtras = {
  round: unknown;
  process: unknown;
  workspace: {
    /** The section's address under `/secretariat/:processSlug/` ("" for the first) and its menu entry. */
    nav: { path: string; label: string; icon: Icon };
    /** An i18n key for the page title, given `{ process }` (the process's name); the workspace's title otherwise. */
    title?: string;
  };
  workspaceRound: { tab: { label: string } };
};

/**
 * A module's part of a shared page. `visible` decides from what the server sent (the record's `can`,
 * the account's memberships), never from a guess; `order` places it among the other modules' sections.
 */
export type SectionOf<P extends SharedPage> = {
  page: P;
  /** Unique on its page; also the tab's value or the anchor of the section. */
  id: string;
  order: number;
  visible?: (context: SectionContexts[P], account: Me | null) => boolean;
  /** Lazily loaded (see `lazyNamed`), so a section's code loads only where it shows. */
  Component: ComponentType<SectionContexts[P]>;
} & SectionExtras[P];

export type ModuleSection = { [P in SharedPage]: SectionOf<P> }[SharedPage];

/** A translation file: the module's strings in one language, loaded when that language is used. */
export type TranslationLoader = () => Promise<{ default: Record<string, unknown> }>;

/** Event types that make some cached answers stale: when one arrives, those queries refetch. */
export type LiveRefresh = { types: readonly string[]; queryKeys: readonly QueryKey[] };

/**
 * Everything a web module hands the shell. The app's list of modules (src/web/app/modules.ts) is
 * the only place that names them; router, navigation, shared pages, translations and live refresh
 * all go over the list, so a new module is its folder plus one line there.
 */
export type WebModule = {
  name: string;
  /** Its pages; one with `nav` is in the main navigation for whoever may open it. */
  routes?: readonly AppRoute[];
  /** Its sections on shared pages. */
  sections?: readonly ModuleSection[];
  /** Its i18next namespaces, each a file per language, fetched when one of its pages or sections is shown. */
  translations?: Readonly<Record<string, Readonly<Record<Locale, TranslationLoader>>>>;
  /** Other modules' namespaces its pages and sections use, fetched with its own. */
  borrowsNamespaces?: readonly string[];
  /** Which live events refresh which of its queries. */
  liveEvents?: readonly LiveRefresh[];
};

/** The modules put together: what the router, the shared pages, i18n and live refresh read. */
export type ComposedModules = {
  routes: readonly AppRoute[];
  sections: <P extends SharedPage>(page: P) => ReadonlyArray<SectionOf<P>>;
  namespaces: readonly string[];
  /** The namespaces the pages at an address need (their modules' own and borrowed), for the first render. */
  namespacesFor: (pathname: string) => string[];
  /** The strings of one namespace in one language, or null when the module has none in it. */
  loadTranslation: (locale: string, namespace: string) => Promise<Record<string, unknown> | null>;
  liveEvents: {
    types: readonly string[];
    queryKeysFor: (type: string) => readonly QueryKey[];
    allQueryKeys: readonly QueryKey[];
  };
};

function refuseDuplicates(kind: string, names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new Error(`Two web modules declare the same ${kind}: ${name}`);
    seen.add(name);
  }
}

/**
 * Puts the modules' manifests together. Two modules claiming one address, one namespace or one
 * section of a page is a mistake that would otherwise show as one silently hiding the other, so it
 * stops the app at start-up instead.
 */
export function composeModules(modules: readonly WebModule[]): ComposedModules {
  const gated = modules.map(withModuleNamespaces);
  const routes = gated.flatMap((module) => module.routes ?? []);
  refuseDuplicates(
    "page address",
    routes.map((route) => route.path),
  );
  const sections = gated.flatMap((module) => module.sections ?? []);
  refuseDuplicates(
    "section",
    sections.map((section) => `${section.page}/${section.id}`),
  );
  const translations = new Map<string, Readonly<Record<string, TranslationLoader>>>();
  for (const module of modules) {
    for (const [namespace, files] of Object.entries(module.translations ?? {})) {
      refuseDuplicates("translation namespace", [...translations.keys(), namespace]);
      translations.set(namespace, files);
    }
  }
  const keysByType = new Map<string, QueryKey[]>();
  for (const refresh of modules.flatMap((module) => module.liveEvents ?? [])) {
    for (const type of refresh.types)
      keysByType.set(type, [...(keysByType.get(type) ?? []), ...refresh.queryKeys]);
  }
  return {
    routes,
    sections: <P extends SharedPage>(page: P) =>
      sections
        .filter((section): section is SectionOf<P> & ModuleSection => section.page === page)
        .sort((a, b) => a.order - b.order),
    namespaces: [...translations.keys()],
    namespacesFor: (pathname) => [
      ...new Set(
        (matchRoutes([...routes], pathname) ?? []).flatMap(
          (match) => namespacesOfRoute.get(match.route as AppRoute) ?? [],
        ),
      ),
    ],
    loadTranslation: async (locale, namespace) => {
      const load = translations.get(namespace)?.[locale];
      return load ? (await load()).default : null;
    },
    liveEvents: {
      types: [...keysByType.keys()],
      queryKeysFor: (type) => keysByType.get(type) ?? [],
      allQueryKeys: [...keysByType.values()].flat(),
    },
  };
}

/** The namespaces each gated page needs, for `namespacesFor`. */
const namespacesOfRoute = new WeakMap<AppRoute, readonly string[]>();

/** A module with each page and section wrapped to wait for its module's strings (`withNamespaces`). */
function withModuleNamespaces(module: WebModule): WebModule {
  const namespaces = [...Object.keys(module.translations ?? {}), ...(module.borrowsNamespaces ?? [])];
  if (namespaces.length === 0) return module;
  return {
    ...module,
    routes: module.routes?.map((route) => {
      const gatedRoute = { ...route, Component: withNamespaces(route.Component, namespaces) };
      namespacesOfRoute.set(gatedRoute, namespaces);
      return gatedRoute;
    }),
    sections: module.sections?.map(
      (section) =>
        ({
          ...section,
          Component: withNamespaces(section.Component as ComponentType<object>, namespaces),
        }) as ModuleSection,
    ),
  };
}

/** A lazily loaded component that can be asked to start loading before it is rendered. */
export type LazyComponent<Props extends object> = LazyExoticComponent<ComponentType<Props>> & {
  preload: () => Promise<unknown>;
};

/**
 * A component loaded only when first rendered: `lazyNamed(() => import("./AuditPage.tsx"), "AuditPage")`.
 * Pages and sections are given this way, so each module's code is fetched when it is opened.
 */
export function lazyNamed<Name extends string, Props extends object>(
  load: () => Promise<Record<NoInfer<Name>, ComponentType<Props>>>,
  name: Name,
): LazyComponent<Props> {
  const component = lazy(() => load().then((loaded) => ({ default: loaded[name] })));
  return Object.assign(component, { preload: load });
}

/**
 * Starts fetching the code of the pages that answer an address, so it arrives while the app is still
 * starting (the translations load meanwhile) instead of after.
 */
export function preloadPages(routes: readonly AppRoute[], pathname: string): void {
  for (const match of matchRoutes([...routes], pathname) ?? []) {
    const { Component } = match.route as AppRoute;
    if ("preload" in Component && typeof Component.preload === "function") void Component.preload();
  }
}
