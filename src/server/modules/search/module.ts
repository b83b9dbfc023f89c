import { changesChannel } from "../../platform/answer-cache.ts";
import type { AppModule } from "../../platform/module.ts";
import { markSearchIndexStale, reportSearchIndexErrors } from "./freshness.ts";
import { registerSearchRoutes } from "./routes.ts";
import * as tables from "./schema.ts";

/**
 * search: one index over what every module declares searchable (its manifest's `search`), kept current
 * after every commit, read through `GET /api/search` with each kind's own tier rule in SQL.
 */
export const searchModule: AppModule = {
  name: "search",
  tables,
  routes: registerSearchRoutes,
  onStart: async (deps) => {
    reportSearchIndexErrors(deps.db, (error) =>
      deps.log.warn({ err: error }, "The search index could not be refreshed."),
    );
    // Another instance's commits (and the CLI's on a PostgreSQL server) arrive as a NOTIFY; an embedded
    // database has no other writer, and this process's own commits are heard directly.
    if (deps.database.kind === "pglite") return;
    await deps.database.listen(
      changesChannel,
      (operation) => markSearchIndexStale(deps.db, operation ? [operation] : []),
      () => markSearchIndexStale(deps.db),
    );
  },
};
