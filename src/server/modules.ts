import { coreModule, loadActor } from "./modules/core/index.ts";
import { recordModule } from "./modules/record/index.ts";
import type { AppModule } from "./platform/module.ts";

/** Every module of the server, in start-up order. Adding a module is adding its folder and a line here. */
export const appModules: AppModule[] = [coreModule, recordModule];

/** Resolves a signed-in account to its actor (memberships and roles come from core). */
export const resolveActor = loadActor;
