import { coreModule, loadActor } from "./modules/core/index.ts";
import { followupModule } from "./modules/followup/index.ts";
import { humanitarianModule } from "./modules/humanitarian/index.ts";
import { programmeModule } from "./modules/programme/index.ts";
import { recordModule } from "./modules/record/index.ts";
import { searchModule } from "./modules/search/index.ts";
import { textsModule } from "./modules/texts/index.ts";
import type { AppModule } from "./platform/module.ts";
import { installModules } from "./platform/registry.ts";

/**
 * Every module of the server, in start-up order (a module after those it builds on). Adding a module
 * is adding its folder and one line here: the server, the CLI, the record's subject registry and the
 * demonstration record go over this list; drizzle-kit finds its `schema.ts` by its folder.
 */
export const appModules: AppModule[] = [
  coreModule,
  recordModule,
  textsModule,
  programmeModule,
  followupModule,
  humanitarianModule,
  searchModule,
];

installModules(appModules);

/** Resolves a signed-in account to its actor (memberships and roles come from core). */
export const resolveActor = loadActor;
