import { type AppModule, operationsIn } from "../../platform/module.ts";
import { installPersonalDataKey } from "../../platform/personal-data.ts";
import * as api from "./api.ts";
import { humanitarianCanary } from "./canary.ts";
import { registerHumanitarianCommands } from "./cli.ts";
import { humanitarianDemoPart } from "./demo/part.ts";
import { cleanInterruptedListImports, listUploads, useListImportLog } from "./jobs/list-import-job.ts";
import { auditReaderRoles } from "./policies.ts";
import { registerHumanitarianRoutes } from "./routes.ts";
import { registerExportRoutes } from "./routes-exports.ts";
import { registerListRoutes } from "./routes-lists.ts";
import { registerMatchingRoutes } from "./routes-matching.ts";
import * as tables from "./schema.ts";

const operations = operationsIn(api);

/** humanitarian: detainees, abductees, bodies and missing persons; the sides' lists, matching, exchanges. */
export const humanitarianModule: AppModule = {
  name: "humanitarian",
  tables,
  operations,
  eventTypes: operations.map((operation) => operation.name),
  // The neutral intermediary (the ICRC) keeps the lists: it reads who read or changed a person's record.
  auditReaders: auditReaderRoles,
  routes: (app, deps) => {
    registerHumanitarianRoutes(app, deps);
    registerListRoutes(app, deps);
    registerExportRoutes(app, deps);
    registerMatchingRoutes(app, deps);
  },
  cli: registerHumanitarianCommands,
  demo: humanitarianDemoPart,
  canary: humanitarianCanary,
  // The key that seals personal fields comes from the configuration, outside the database.
  onOpen: (deps) => installPersonalDataKey(deps.config.personalDataKey),
  // Imports a stop interrupted leave a sealed upload and staged rows: removed before the server listens.
  onStart: async ({ db, config, log }) => {
    listUploads.use(config.dataDir);
    useListImportLog((details, message) => log.warn(details, message));
    const removed = await cleanInterruptedListImports(db, config.dataDir);
    if (removed.files + removed.rows > 0) log.info(removed, "removed what interrupted list imports left");
  },
};
