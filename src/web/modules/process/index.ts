// What other web modules may use of the process pages.

export { ConflictCard, Conflicts } from "./components/Conflicts.tsx";
export { ProcessCards } from "./components/ProcessCards.tsx";
export { RecordTable } from "./components/RecordTable.tsx";
export { Sources, SourcesButton } from "./components/Sources.tsx";
export { coreRecordEventTypes, processEventTypes } from "./events.ts";
export { apiPath, processKeys, useApiQuery } from "./queries.ts";
