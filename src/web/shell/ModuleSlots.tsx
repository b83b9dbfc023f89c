import { useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, Suspense, useContext } from "react";
import { useLiveEvents } from "./live-events.ts";
import type { ComposedModules, SectionContexts, SectionOf, SharedPage } from "./module.ts";
import { useSession } from "./session.ts";

const ModulesContext = createContext<ComposedModules | null>(null);

/** Hands the composed modules to the shell's slots below it (the app gives its list once, at the top). */
export function ModulesProvider({ modules, children }: { modules: ComposedModules; children?: ReactNode }) {
  return <ModulesContext.Provider value={modules}>{children}</ModulesContext.Provider>;
}

/** The composed modules; only inside `ModulesProvider`, where the app puts every page. */
export function useModules(): ComposedModules {
  const modules = useContext(ModulesContext);
  if (!modules) throw new Error("useModules needs a ModulesProvider above it");
  return modules;
}

/**
 * The sections the modules put on a shared page that this reader is shown, in their order. Each
 * section's own rule decides from the context the page gives (the record and its `can`, as the server
 * sent them) and the signed-in account.
 */
export function useModuleSections<P extends SharedPage>(
  page: P,
  context: SectionContexts[P],
): ReadonlyArray<SectionOf<P>> {
  const { account } = useSession();
  return useModules()
    .sections(page)
    .filter((section) => !section.visible || section.visible(context, account));
}

/** One section, rendered once its code has loaded (nothing shows meanwhile, so the page does not jump). */
export function ModuleSection<P extends SharedPage>({
  section,
  context,
}: {
  section: SectionOf<P>;
  context: SectionContexts[P];
}) {
  const { Component } = section;
  return (
    <Suspense fallback={null}>
      <Component {...context} />
    </Suspense>
  );
}

/**
 * The slot of a shared page: every module's section for this page and reader, one after another,
 * e.g. `<ModuleSections page="round" context={{ round }} />`.
 */
export function ModuleSections<P extends SharedPage>({
  page,
  context,
}: {
  page: P;
  context: SectionContexts[P];
}) {
  const sections = useModuleSections(page, context);
  return (
    <>
      {sections.map((section) => (
        <ModuleSection key={section.id} section={section} context={context} />
      ))}
    </>
  );
}

/** Answers younger than this are current enough when the live stream (re)opens. */
const catchUpAfterMs = 3_000;

/**
 * Keeps what is on screen current, for every module at once: an event of a type a module declared
 * marks that module's queries stale, and those on screen refetch. When the stream (re)opens, events
 * may have been missed, so every declared query older than a moment is refetched too.
 */
export function useModuleLiveRefresh(): void {
  const client = useQueryClient();
  const { liveEvents } = useModules();
  useLiveEvents(
    liveEvents.types,
    (event) => {
      for (const queryKey of liveEvents.queryKeysFor(event.type)) void client.invalidateQueries({ queryKey });
    },
    {
      onReconnect: () => {
        const moment = Date.now() - catchUpAfterMs;
        // Not the answers still on their way (no data yet): restarting them would only delay the page.
        for (const queryKey of liveEvents.allQueryKeys) {
          void client.invalidateQueries(
            {
              queryKey,
              predicate: (query) => query.state.dataUpdatedAt > 0 && query.state.dataUpdatedAt < moment,
            },
            { cancelRefetch: false },
          );
        }
      },
    },
  );
}
