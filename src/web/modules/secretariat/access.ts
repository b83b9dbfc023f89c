import type { Me } from "../../shell/session.ts";

/** The processes whose host secretariat this account belongs to. */
export function hostedProcessIds(account: Me | null): Set<string> {
  return new Set(
    (account?.memberships ?? [])
      .filter((membership) => membership.roles.includes("host"))
      .map((membership) => membership.processId),
  );
}

/** The delegations (other than a host secretariat) this account speaks for. */
export function delegationMemberships(account: Me | null) {
  return (account?.memberships ?? []).filter((membership) => !membership.roles.includes("host"));
}
