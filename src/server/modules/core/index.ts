// The core module's public surface: the only file other modules may import.
export { loadActor } from "./actor.ts";
export { coreModule } from "./module.ts";
export { addMembership } from "./operations/add-membership.ts";
export { createAccount, insertAccount } from "./operations/create-account.ts";
export { removeMembership } from "./operations/remove-membership.ts";
export { setAccountLocale } from "./operations/set-account-locale.ts";
export { needsFirstAdministrator, setUpFirstAdministrator } from "./operations/set-up-first-administrator.ts";
export { updateAccount } from "./operations/update-account.ts";
export { canManageAccounts, canManageMemberships } from "./policies.ts";
export * as coreSchema from "./schema.ts";
