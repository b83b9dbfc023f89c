// The programme module's public surface: the only file other modules may import. It never hands out tables.
export * from "./api.ts";
export { programmeModule } from "./module.ts";
