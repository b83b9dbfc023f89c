import { readFileSync } from "node:fs";
import { projectPath } from "./paths.ts";

/** The package's version, reported by /api/health and the OpenAPI document. */
export const version: string = JSON.parse(readFileSync(projectPath("package.json"), "utf8")).version;
