import type { ServerDeps, ZodApp } from "../../platform/module.ts";
import { registerAccountRoutes } from "./routes/accounts.ts";
import { registerApiTokenRoutes } from "./routes/api-tokens.ts";
import { registerMembershipRoutes } from "./routes/memberships.ts";

/** The core module's HTTP routes, one file per area under routes/. */
export async function registerCoreRoutes(app: ZodApp, deps: ServerDeps): Promise<void> {
  await registerAccountRoutes(app, deps);
  await registerApiTokenRoutes(app, deps);
  await registerMembershipRoutes(app, deps);
}
