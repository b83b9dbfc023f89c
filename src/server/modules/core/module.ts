import { type AppModule, operationsIn } from "../../platform/module.ts";
import * as api from "./api.ts";
import { coreCanary } from "./canary.ts";
import { registerCoreCommands } from "./cli/commands.ts";
import { coreDemoPart } from "./demo/part.ts";
import { registerDelegationRoutes } from "./routes/delegations.ts";
import { registerMeetingRoutes } from "./routes/meetings.ts";
import { registerParticipantRoutes } from "./routes/participants.ts";
import { registerProcessRoutes } from "./routes/processes.ts";
import { registerRoundRoutes } from "./routes/rounds.ts";
import { registerCoreRoutes } from "./routes.ts";
import * as tables from "./schema.ts";
import { coreSearch } from "./search.ts";
import { announceSetupLink } from "./setup-link.ts";
import { coreSubjectTypes } from "./subjects.ts";

const operations = operationsIn(api);

/** core: processes, rounds, participants, delegations and accounts. */
export const coreModule: AppModule = {
  name: "core",
  tables,
  operations,
  // One name per operation: the events an operation emits carry its name.
  eventTypes: operations.map((operation) => operation.name),
  subjectTypes: coreSubjectTypes,
  search: coreSearch,
  demo: coreDemoPart,
  cli: registerCoreCommands,
  routes: async (app, deps) => {
    await registerCoreRoutes(app, deps);
    for (const register of [
      registerProcessRoutes,
      registerRoundRoutes,
      registerDelegationRoutes,
      registerParticipantRoutes,
      registerMeetingRoutes,
    ]) {
      register(app, deps);
    }
  },
  onStart: async (deps) => {
    await announceSetupLink(deps);
  },
  canary: coreCanary,
};
