// What other web modules may use of the core module's pages.

export { StandingDelegations } from "./StandingDelegations.tsx";
