// The contracts of processes, rounds, participants, meetings and delegations (the core module), shared by
// server, web and CLI: requests in process-requests.ts, responses in process-views.ts.
export * from "./process-requests.ts";
export * from "./process-views.ts";
