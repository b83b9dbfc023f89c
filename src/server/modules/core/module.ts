import type { AppModule } from "../../platform/module.ts";
import { coreCanary } from "./canary.ts";
import { registerDelegationRoutes } from "./routes/delegations.ts";
import { registerMeetingRoutes } from "./routes/meetings.ts";
import { registerParticipantRoutes } from "./routes/participants.ts";
import { registerProcessRoutes } from "./routes/processes.ts";
import { registerRoundRoutes } from "./routes/rounds.ts";
import { registerCoreRoutes } from "./routes.ts";
import { announceSetupLink } from "./setup-link.ts";

/** core: processes, rounds, participants, delegations and accounts. */
export const coreModule: AppModule = {
  name: "core",
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
