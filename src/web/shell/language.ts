import { useDirection } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { api } from "./api.ts";
import { directionOf, isLocale, type Locale, storedLocale, storeLocale } from "./i18n.ts";
import { type Me, sessionKey, sessionQuery, useSession } from "./session.ts";

/**
 * Switches the interface language: the text, `<html lang dir>`, Mantine's direction (Arabic mirrors
 * the layout), this browser's memory of the choice and, when signed in, the account's preference,
 * so the next sign-in elsewhere opens in the same language.
 */
export function useChangeLanguage() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  const client = useQueryClient();
  return useCallback(
    async (locale: Locale) => {
      storeLocale(locale);
      await i18n.changeLanguage(locale);
      setDirection(directionOf(locale));
      // The session may still be loading right after the page opened: wait for it rather than skip.
      const account = await client.ensureQueryData(sessionQuery).catch(() => null);
      if (account && account.locale !== locale) {
        const updated: Me = { ...account, locale };
        client.setQueryData<Me | null>(sessionKey, updated);
        await api.put("/api/me/locale", { locale }).catch(() => {
          // The choice still holds in this browser; the account keeps its earlier preference.
        });
      }
    },
    [i18n, setDirection, client],
  );
}

/**
 * Opens the app in the account's language when this browser has no choice of its own yet, and keeps
 * Mantine's direction in step with the language.
 */
export function useLanguageSync(): void {
  const { i18n } = useTranslation();
  const { account } = useSession();
  const { dir, setDirection } = useDirection();
  const accountLocale = account?.locale;
  useEffect(() => {
    if (isLocale(accountLocale) && !storedLocale() && accountLocale !== i18n.language) {
      void i18n.changeLanguage(accountLocale);
    }
  }, [accountLocale, i18n]);
  const wanted = directionOf(i18n.language);
  useEffect(() => {
    if (dir !== wanted) setDirection(wanted);
  }, [dir, wanted, setDirection]);
}
