import { type AppModule, operationsIn } from "../../platform/module.ts";
import * as api from "./api.ts";
import { programmeCanary } from "./canary.ts";
import { registerProgrammeCommands } from "./cli.ts";
import { programmeDemo } from "./demo/part.ts";
import { registerProgrammeRoutes } from "./routes.ts";
import * as tables from "./schema.ts";

const operations = operationsIn(api);

/**
 * programme: a round's agenda, rooms, sessions, consultation requests, delegations' stays, the
 * scheduler run as a background job, manual edits checked live, publication and calendars.
 */
export const programmeModule: AppModule = {
  name: "programme",
  tables,
  operations,
  // One name per operation: the events an operation emits carry its name.
  eventTypes: operations.map((operation) => operation.name),
  routes: registerProgrammeRoutes,
  cli: registerProgrammeCommands,
  canary: programmeCanary,
  demo: programmeDemo,
};
