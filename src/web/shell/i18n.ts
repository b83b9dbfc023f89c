import i18next, { type BackendModule } from "i18next";
import { initReactI18next } from "react-i18next";
import type { supportedLocales } from "../../contracts/accounts.ts";

/**
 * The namespaces fetched before the first render, whatever the page: the shell's (the frame, the
 * common refusals) and core's (the record's own refusals). A module's strings are fetched when one of
 * its pages or sections is first shown (namespaces.tsx), so a reader of the public record does not
 * download the secretariat's, the programme's or the humanitarian module's strings.
 */
export const alwaysLoadedNamespaces = ["shell", "core"] as const;

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

/** The shell's own strings (namespace "shell"), one file per language like a module's. */
const shellTranslations: Record<Locale, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import("./locales/en.json"),
  ru: () => import("./locales/ru.json"),
  ar: () => import("./locales/ar.json"),
};

/** Keeps `<html lang dir>` in step with the language, so screen readers and the RTL layout follow it. */
function applyToDocument(locale: string): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
}

/** The app's i18next instance; `startI18n` loads it before the first render. */
export const i18n = i18next.createInstance();

/**
 * Starts i18n with the namespaces the modules declare. Only the reader's language (and English, the
 * fallback) is fetched: before the first render the shell's and core's and those of the page at
 * `pathname`; a module's others when one of its pages or sections is shown (namespaces.tsx). A
 * language switch fetches the new language's files of every namespace fetched so far before it takes
 * effect.
 */
export async function startI18n(
  pathname: string,
  modules: {
    namespacesFor: (pathname: string) => readonly string[];
    loadTranslation: (locale: string, namespace: string) => Promise<Record<string, unknown> | null>;
  },
): Promise<void> {
  const backend: BackendModule = {
    type: "backend",
    init: () => {},
    read: (language, namespace, done) => {
      const strings =
        namespace === "shell"
          ? isLocale(language)
            ? shellTranslations[language]().then((file) => file.default)
            : Promise.resolve(null)
          : modules.loadTranslation(language, namespace);
      strings.then(
        (loaded) => done(null, loaded ?? {}),
        (error: unknown) => done(error instanceof Error ? error : new Error(String(error)), false),
      );
    },
  };
  await i18n
    .use(backend)
    .use(initReactI18next)
    .init({
      lng: initialLocale(),
      fallbackLng: "en",
      supportedLngs: languages.map((language) => language.code),
      ns: [...new Set([...alwaysLoadedNamespaces, ...modules.namespacesFor(pathname)])],
      defaultNS: "shell",
      interpolation: { escapeValue: false },
      returnNull: false,
      react: { useSuspense: false },
    });
  applyToDocument(i18n.language);
  i18n.on("languageChanged", applyToDocument);
}
