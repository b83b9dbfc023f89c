// What the humanitarian module offers: its operations (one name each) and reads, never its tables.

export { importListFile } from "./list-import.ts";
export { addExchangePerson } from "./operations/add-exchange-person.ts";
export { cancelExchange } from "./operations/cancel-exchange.ts";
export { changeCaseStatus } from "./operations/change-case-status.ts";
export { completeExchange } from "./operations/complete-exchange.ts";
export { confirmRelease } from "./operations/confirm-release.ts";
export { createCase } from "./operations/create-case.ts";
export { decideCandidate } from "./operations/decide-candidate.ts";
export { importList } from "./operations/import-list.ts";
export { planExchange } from "./operations/plan-exchange.ts";
export { recordMatching } from "./operations/record-matching.ts";
export { runMatching } from "./operations/run-matching.ts";
export { startListImport } from "./operations/start-list-import.ts";
export { updateCase } from "./operations/update-case.ts";
export { withdrawCase } from "./operations/withdraw-case.ts";
export { withdrawExchangePerson } from "./operations/withdraw-exchange-person.ts";
export { withdrawList } from "./operations/withdraw-list.ts";
export { getCase, listCases } from "./reads/cases.ts";
export { getExchange, listExchanges } from "./reads/exchanges.ts";
export { getList, listLists } from "./reads/lists.ts";
export { caseCounts, exchangeTimeline, reviewProgress } from "./reads/pictures.ts";
