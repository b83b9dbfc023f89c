import type { AppModule } from "../../platform/module.ts";
import { coreDemoPart } from "./demo/part.ts";
import { registerDelegationRoutes } from "./routes/delegations.ts";
import { registerMeetingRoutes } from "./routes/meetings.ts";
import { registerParticipantRoutes } from "./routes/participants.ts";
import { registerProcessRoutes } from "./routes/processes.ts";
import { registerRoundRoutes } from "./routes/rounds.ts";
import { registerCoreRoutes } from "./routes.ts";
import * as tables from "./schema.ts";
import { coreSubjectTypes } from "./subjects.ts";

/** core: processes, rounds, participants, delegations and accounts. */
export const coreModule: AppModule = {
  name: "core",
  tables,
  subjectTypes: coreSubjectTypes,
  demo: coreDemoPart,
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
};
