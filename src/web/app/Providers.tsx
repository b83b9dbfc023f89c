import { DirectionProvider, MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { ApiError } from "../shell/api.ts";
import { directionOf, i18n } from "../shell/i18n.ts";
import { ModulesProvider } from "../shell/ModuleSlots.tsx";
import type { ComposedModules } from "../shell/module.ts";
import { accessibleColors, theme } from "../shell/theme.ts";

/** One cache for the whole app; sign-in and sign-out reset it, since answers depend on who asks. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal (4xx) will not change by asking again; a network hiccup might.
      retry: (failures, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      refetchOnWindowFocus: true,
    },
  },
});

// Answers hold the record's texts in the reader's language: a change of language fetches them again.
i18n.on("languageChanged", () => {
  void queryClient.invalidateQueries();
});

/** Data, language, direction, the design system and the modules, around the whole app. */
export function Providers({ modules, children }: { modules: ComposedModules; children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <DirectionProvider initialDirection={directionOf(i18n.language)} detectDirection={false}>
          <MantineProvider theme={theme} cssVariablesResolver={accessibleColors} defaultColorScheme="light">
            <ModulesProvider modules={modules}>{children}</ModulesProvider>
          </MantineProvider>
        </DirectionProvider>
      </I18nextProvider>
    </QueryClientProvider>
  );
}
