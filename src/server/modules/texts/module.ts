import { type AppModule, operationsIn } from "../../platform/module.ts";
import * as api from "./api.ts";
import { textsCanary } from "./canary.ts";
import { registerTextsCommands } from "./cli.ts";
import { draftPresence } from "./presence.ts";
import { registerTextsRoutes } from "./routes.ts";
import { registerTextsViewRoutes } from "./routes-views.ts";
import * as tables from "./schema.ts";

const operations = operationsIn(api);

/** texts: negotiated documents of a round — paragraphs, proposals, brackets, positions, consensus, versions. */
export const textsModule: AppModule = {
  name: "texts",
  tables,
  operations,
  // One name per operation: the events an operation emits carry its name.
  eventTypes: operations.map((operation) => operation.name),
  routes: (app, deps) => {
    registerTextsRoutes(app, deps);
    registerTextsViewRoutes(app, deps);
  },
  cli: registerTextsCommands,
  canary: textsCanary,
  presence: { text_document: draftPresence },
};
