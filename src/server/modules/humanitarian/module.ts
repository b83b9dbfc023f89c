import { type AppModule, operationsIn } from "../../platform/module.ts";
import { installPersonalDataKey } from "../../platform/personal-data.ts";
import * as api from "./api.ts";
import { humanitarianCanary } from "./canary.ts";
import { registerHumanitarianCommands } from "./cli.ts";
import { humanitarianDemoPart } from "./demo/part.ts";
import { registerHumanitarianRoutes } from "./routes.ts";
import { registerMatchingRoutes } from "./routes-matching.ts";
import * as tables from "./schema.ts";

const operations = operationsIn(api);

/** humanitarian: detainees, abductees, bodies and missing persons; the sides' lists, matching, exchanges. */
export const humanitarianModule: AppModule = {
  name: "humanitarian",
  tables,
  operations,
  eventTypes: operations.map((operation) => operation.name),
  routes: (app, deps) => {
    registerHumanitarianRoutes(app, deps);
    registerMatchingRoutes(app, deps);
  },
  cli: registerHumanitarianCommands,
  demo: humanitarianDemoPart,
  canary: humanitarianCanary,
  // The key that seals personal fields comes from the configuration, outside the database.
  onOpen: (deps) => installPersonalDataKey(deps.config.personalDataKey),
};
