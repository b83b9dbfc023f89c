import type { ServerDeps, ZodApp } from "../../platform/module.ts";
import { registerRead } from "../../platform/read.ts";
import { searchRead } from "./reads/search.ts";

/** The search module's routes: `GET /api/search`. */
export function registerSearchRoutes(app: ZodApp, deps: ServerDeps): void {
  registerRead(app, deps.db, searchRead);
}
