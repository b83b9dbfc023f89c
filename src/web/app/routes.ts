import { coreRoutes } from "../modules/core/routes.ts";
import { homeRoutes } from "../modules/home/routes.ts";
import { platformRoutes } from "../modules/platform/routes.ts";
import { processRoutes } from "../modules/process/routes.ts";
import { secretariatRoutes } from "../modules/secretariat/routes.ts";
import type { AppRoute } from "../shell/routes.ts";

/** Every module's pages. A module adds its pages here with one line. */
export const moduleRoutes: AppRoute[] = [
  ...homeRoutes,
  ...coreRoutes,
  ...platformRoutes,
  ...processRoutes,
  ...secretariatRoutes,
];
