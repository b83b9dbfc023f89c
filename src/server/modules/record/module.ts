import { systemActor } from "../../platform/authz.ts";
import { DomainError } from "../../platform/errors.ts";
import type { AppModule, ServerDeps } from "../../platform/module.ts";
import { runOperation } from "../../platform/operation.ts";
import { recordCanary } from "./canary.ts";
import { anyProcessExists } from "./demo/store.ts";
import { loadDemo } from "./operations/demo-record.ts";
import { registerRecordRoutes } from "./routes.ts";

/**
 * On the first start (no process in the database) with DEMO on, loads the demonstration record. A
 * second instance starting at the same moment finds it loaded and carries on.
 */
async function loadDemoOnFirstStart(deps: ServerDeps): Promise<void> {
  if (!deps.config.DEMO || (await anyProcessExists(deps.db))) return;
  try {
    const loaded = await runOperation({ db: deps.db }, loadDemo, systemActor("start-up"), {});
    deps.log.info(
      { counts: loaded.counts, milliseconds: loaded.milliseconds },
      "demonstration record loaded",
    );
  } catch (error) {
    if (error instanceof DomainError && error.status === 409) return;
    throw error;
  }
}

/** record: sources, citations, facts, conflicts and milestones; the timeline, attendance and the demonstration record. */
export const recordModule: AppModule = {
  name: "record",
  routes: registerRecordRoutes,
  onStart: loadDemoOnFirstStart,
  canary: recordCanary,
};
