import { systemActor } from "../../platform/authz.ts";
import { DomainError } from "../../platform/errors.ts";
import { type AppModule, operationsIn, type StartDeps } from "../../platform/module.ts";
import { runOperation } from "../../platform/operation.ts";
import { anyProcessExists } from "../core/index.ts";
import * as api from "./api.ts";
import { recordCanary } from "./canary.ts";
import { registerRecordCommands } from "./cli.ts";
import { registerDemoCommands } from "./cli-demo.ts";
import { registerExportCommands } from "./cli-exports.ts";
import { recordDemoPart } from "./demo/part.ts";
import { disputedValues } from "./disputes/rule.ts";
import { loadDemo } from "./operations/demo-record.ts";
import { registerRecordRoutes } from "./routes.ts";
import * as tables from "./schema.ts";
import { recordSearch } from "./search.ts";
import { recordSubjectTypes } from "./subjects.ts";

/**
 * On the first start (no process in the database) with DEMO on, loads the demonstration record. A
 * second instance starting at the same moment finds it loaded and carries on.
 */
async function loadDemoOnFirstStart(deps: StartDeps): Promise<void> {
  if (!deps.config.DEMO || (await anyProcessExists(deps.db))) return;
  try {
    const loaded = await runOperation({ db: deps.db }, loadDemo, systemActor("start-up"), {});
    deps.log.info(
      { counts: loaded.counts, milliseconds: loaded.milliseconds },
      "Loaded the demonstration record (empty database, DEMO on).",
    );
  } catch (error) {
    if (error instanceof DomainError && error.status === 409) return;
    throw error;
  }
}

const operations = operationsIn(api);

/** record: sources, citations, facts, conflicts and milestones; the timeline, attendance and the demonstration record. */
export const recordModule: AppModule = {
  name: "record",
  tables,
  operations,
  // One name per operation: the events an operation emits carry its name.
  eventTypes: operations.map((operation) => operation.name),
  subjectTypes: recordSubjectTypes,
  search: recordSearch,
  demo: recordDemoPart,
  cli: (program) => {
    registerRecordCommands(program);
    registerExportCommands(program);
    registerDemoCommands(program);
  },
  routes: registerRecordRoutes,
  onOpen: loadDemoOnFirstStart,
  canary: recordCanary,
  disputes: disputedValues,
};
