// The humanitarian module's public surface: the only file other modules may import. It never hands out tables.
export * from "./api.ts";
export { humanitarianModule } from "./module.ts";
