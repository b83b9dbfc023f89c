import { type AppModule, operationsIn } from "../../platform/module.ts";
import * as api from "./api.ts";
import { followupCanary } from "./canary.ts";
import { registerFollowupCommands } from "./cli.ts";
import { followupDemoPart } from "./demo/part.ts";
import { acledUploads, cleanInterruptedImports } from "./jobs/import-job.ts";
import { registerFollowupRoutes } from "./routes.ts";
import * as tables from "./schema.ts";
import { followupSearch } from "./search.ts";

const operations = operationsIn(api);

/** followup: commitments from adopted texts, de-escalation zones, incidents and their verification. */
export const followupModule: AppModule = {
  name: "followup",
  tables,
  operations,
  // One name per operation: the events an operation emits carry its name.
  eventTypes: operations.map((operation) => operation.name),
  routes: registerFollowupRoutes,
  cli: registerFollowupCommands,
  search: followupSearch,
  canary: followupCanary,
  demo: followupDemoPart,
  // Imports a stop interrupted leave an upload and staged rows: removed before the server listens.
  onStart: async ({ db, config, log }) => {
    acledUploads.use(config.dataDir);
    const removed = await cleanInterruptedImports(db, config.dataDir);
    if (removed.files + removed.rows > 0) log.info(removed, "removed what interrupted ACLED imports left");
  },
};
