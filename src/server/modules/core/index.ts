// The core module's public surface: the only file other modules may import.
export { loadActor } from "./actor.ts";
export { coreModule } from "./module.ts";
export { createAccount, insertAccount } from "./operations/create-account.ts";
export { needsFirstAdministrator, setUpFirstAdministrator } from "./operations/set-up-first-administrator.ts";
export * as coreSchema from "./schema.ts";
