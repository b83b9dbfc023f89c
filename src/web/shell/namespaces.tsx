import type { ComponentType, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { i18n } from "./i18n.ts";

/** The namespaces of i18n keys written with theirs ("core:nav.accounts" → "core"). */
export function namespacesOfKeys(keys: readonly string[]): string[] {
  return [...new Set(keys.flatMap((key) => (key.includes(":") ? [key.slice(0, key.indexOf(":"))] : [])))];
}

/**
 * Whether these namespaces' strings have arrived in the reader's language; asks for the missing ones
 * and renders again when they arrive. Whoever shows other modules' labels (the navigation, the
 * secretariat's workspace menu) waits on it, so no bare key is ever shown.
 */
export function useNamespacesReady(namespaces: readonly string[]): boolean {
  const { ready } = useTranslation([...namespaces], { useSuspense: false });
  return namespaces.length === 0 || ready;
}

/** Renders its children once the namespaces have arrived, nothing before (the page does not show keys). */
export function NamespaceGate({
  namespaces,
  children,
}: {
  namespaces: readonly string[];
  children: ReactNode;
}) {
  return useNamespacesReady(namespaces) ? children : null;
}

/** Starts fetching namespaces once i18n has started (before that, `startI18n` fetches the first page's). */
export function preloadNamespaces(namespaces: readonly string[]): Promise<unknown> {
  return i18n.isInitialized ? i18n.loadNamespaces([...namespaces]) : Promise.resolve();
}

/**
 * A module's page or section that shows only once its module's strings have arrived; preloading it
 * fetches both its code and its strings. Applied by `composeModules` to every page and section, so a
 * module needs nothing more than its `translations` for its strings to load when it is opened.
 */
export function withNamespaces<Props extends object>(
  Component: ComponentType<Props>,
  namespaces: readonly string[],
): ComponentType<Props> & { preload: () => Promise<unknown> } {
  const Gated = (props: Props) => (
    <NamespaceGate namespaces={namespaces}>
      <Component {...props} />
    </NamespaceGate>
  );
  const preloadCode =
    "preload" in Component && typeof Component.preload === "function" ? Component.preload : null;
  return Object.assign(Gated, {
    displayName: `WithNamespaces(${Component.displayName ?? Component.name ?? "Component"})`,
    preload: () => Promise.all([preloadCode?.(), preloadNamespaces(namespaces)]),
  });
}
