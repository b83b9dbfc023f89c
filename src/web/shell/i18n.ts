import i18next, { type Resource } from "i18next";
import { initReactI18next } from "react-i18next";
import type { supportedLocales } from "../../contracts/accounts.ts";

/** An interface language; the same list the server accepts as an account's preference. */
export type Locale = (typeof supportedLocales)[number];

/** The interface languages, each named in its own language (a language list is never translated). */
export const languages: ReadonlyArray<{ code: Locale; name: string; dir: "ltr" | "rtl" }> = [
  { code: "en", name: "English", dir: "ltr" },
  { code: "ru", name: "Русский", dir: "ltr" },
  { code: "ar", name: "العربية", dir: "rtl" },
];

const storageKey = "astana.locale";

/** Whether a value names one of the interface languages. */
export function isLocale(value: unknown): value is Locale {
  return languages.some((language) => language.code === value);
}

/** Arabic is written right to left; the others left to right. */
export function directionOf(locale: string): "ltr" | "rtl" {
  return languages.find((language) => language.code === locale)?.dir ?? "ltr";
}

/** The language chosen in this browser, if the person ever chose one. */
export function storedLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(storageKey);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

/** Remembers the language chosen in this browser. */
export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
}

/** The stored choice, else the browser's first supported language, else English. */
function initialLocale(): Locale {
  const stored = storedLocale();
  if (stored) return stored;
  for (const tag of navigator.languages ?? []) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLocale(base)) return base;
  }
  return "en";
}

/**
 * Every `i18n/locales/<language>/<namespace>.json` file, one namespace per module, bundled with the
 * app so a language switch never waits for the network.
 */
function bundledResources(): Resource {
  const files = import.meta.glob<Record<string, unknown>>("../i18n/locales/*/*.json", {
    eager: true,
    import: "default",
  });
  const resources: Resource = {};
  for (const [file, content] of Object.entries(files)) {
    const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(file);
    if (!match?.[1] || !match[2]) continue;
    resources[match[1]] ??= {};
    (resources[match[1]] as Record<string, unknown>)[match[2]] = content;
  }
  return resources;
}

/** Keeps `<html lang dir>` in step with the language, so screen readers and the RTL layout follow it. */
function applyToDocument(locale: string): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
}

/** The app's i18next instance; resources are bundled, so it is ready synchronously. */
export const i18n = i18next.createInstance();

const resources = bundledResources();

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLocale(),
  fallbackLng: "en",
  supportedLngs: languages.map((language) => language.code),
  ns: [...new Set(Object.values(resources).flatMap((namespaces) => Object.keys(namespaces)))],
  defaultNS: "shell",
  interpolation: { escapeValue: false },
  returnNull: false,
  react: { useSuspense: false },
  initAsync: false,
});
applyToDocument(i18n.language);
i18n.on("languageChanged", applyToDocument);
