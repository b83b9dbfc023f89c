// Every table of the platform and its modules, for drizzle-kit and for typed queries.
export * from "./modules/core/schema.ts";
export * from "./modules/record/schema.ts";
export * from "./platform/auth-schema.ts";
export * from "./platform/schema.ts";
