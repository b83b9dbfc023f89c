// What other web modules may use of the process pages.

export { ConflictCard, Conflicts } from "./components/Conflicts.tsx";
export { ProcessCards } from "./components/ProcessCards.tsx";
export { RecordTable } from "./components/RecordTable.tsx";
export { Sources, SourcesButton } from "./components/Sources.tsx";
export { apiPath, coreRecordEventTypes, processEventTypes, processKeys, useApiQuery } from "./queries.ts";
export { processRoutes } from "./routes.ts";
