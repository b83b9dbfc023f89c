// What other web modules may use of the process pages.

export { ConflictCard, Conflicts } from "./components/Conflicts.tsx";
export { ProcessCards } from "./components/ProcessCards.tsx";
export { Sources, SourcesButton } from "./components/Sources.tsx";
export { processEventTypes, processKeys } from "./queries.ts";
export { processRoutes } from "./routes.ts";
