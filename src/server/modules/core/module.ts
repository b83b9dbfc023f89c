import type { AppModule } from "../../platform/module.ts";
import { registerCoreRoutes } from "./routes.ts";

/** core: processes, rounds, participants, delegations and accounts. */
export const coreModule: AppModule = {
  name: "core",
  routes: registerCoreRoutes,
};
