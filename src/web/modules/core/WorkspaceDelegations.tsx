import type { SectionContexts } from "../../shell/module.ts";
import { StandingDelegations } from "./StandingDelegations.tsx";

/**
 * The secretariat workspace's "Delegations" section: who acts for each participant of the process,
 * the accounts on its standing delegation (the core module's view, inside the workspace).
 */
export function WorkspaceDelegations({ process }: SectionContexts["workspace"]) {
  return <StandingDelegations processRef={process.id} />;
}
