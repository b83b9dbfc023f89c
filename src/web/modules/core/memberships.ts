import { type QueryClient, useQuery } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import type { AddMemberBody, DelegationMember } from "../../../contracts/accounts.ts";
import type {
  ParticipantRef,
  ProcessDetail,
  ProcessSummary,
  StandingDelegationList,
} from "../../../contracts/process-views.ts";
import { api } from "../../shell/api.ts";
import { sessionKey } from "../../shell/session.ts";
import { membershipsKey } from "./keys.ts";

export { membershipEvents, membershipsKey } from "./keys.ts";

/** A participant's standing delegation in a process and the accounts on it. */
export type StandingDelegation = StandingDelegationList["items"][number];
type LocalizedNames = ProcessSummary["names"];

const allMembershipsKey = [...membershipsKey, "all"] as const;
const processDelegationsKey = (processRef: string) => [...membershipsKey, "process", processRef] as const;
const processListKey = [...membershipsKey, "processes"] as const;

/** A name in the reader's language, else in English. */
export function localName(names: LocalizedNames, locale: string): string {
  const value = names[locale as keyof LocalizedNames];
  return value && value.length > 0 ? value : names.en;
}

/**
 * A process's standing delegations with the roles each participant holds there today, which is what a
 * place on the delegation gives a person.
 */
export type ProcessDelegations = {
  process: ProcessDetail;
  delegations: StandingDelegation[];
  rolesOf: (participantId: string) => string[];
};

async function loadProcessDelegations(processRef: string, signal?: AbortSignal): Promise<ProcessDelegations> {
  const ref = encodeURIComponent(processRef);
  const [process, list] = await Promise.all([
    api.get<ProcessDetail>(`/api/processes/${ref}`, { signal }),
    api.get<StandingDelegationList>(`/api/processes/${ref}/delegations`, { signal }),
  ]);
  const roles = new Map<string, string[]>([[process.host.id, ["host"]]]);
  for (const assignment of process.roles) {
    const held = roles.get(assignment.participant.id) ?? [];
    if (!held.includes(assignment.role)) held.push(assignment.role);
    roles.set(assignment.participant.id, held);
  }
  return { process, delegations: list.items, rolesOf: (participantId) => roles.get(participantId) ?? [] };
}

/** The processes on the platform (an administrator sees every one). */
export function useProcessList() {
  return useQuery({
    queryKey: processListKey,
    queryFn: ({ signal }) => api.get<{ items: ProcessSummary[] }>("/api/processes", { signal }),
  });
}

/** One process's standing delegations and their accounts (administrators and that process's secretariat). */
export function useProcessDelegations(processRef: string | null) {
  return useQuery({
    queryKey: processDelegationsKey(processRef ?? ""),
    queryFn: ({ signal }) => loadProcessDelegations(processRef ?? "", signal),
    enabled: Boolean(processRef),
  });
}

/** One place of an account on a delegation, as the Accounts page shows it. */
export type AccountMembership = {
  delegationId: string;
  process: Pick<ProcessSummary, "id" | "slug" | "names">;
  participant: ParticipantRef;
  roles: string[];
  position: string;
};

/**
 * Every account's places on delegations, across all processes, keyed by account id. Only an
 * administrator may read every process's delegations, so only the Accounts page uses it.
 */
export function useAllMemberships(enabled = true) {
  return useQuery({
    queryKey: allMembershipsKey,
    enabled,
    queryFn: async ({ signal }) => {
      const processes = await api.get<{ items: ProcessSummary[] }>("/api/processes", { signal });
      const loaded = await Promise.all(
        processes.items.map((item) => loadProcessDelegations(item.id, signal)),
      );
      const byAccount = new Map<string, AccountMembership[]>();
      for (const { process, delegations, rolesOf } of loaded) {
        for (const delegation of delegations) {
          for (const member of delegation.members) {
            const list = byAccount.get(member.accountId) ?? [];
            list.push({
              delegationId: delegation.id,
              process: { id: process.id, slug: process.slug, names: process.names },
              participant: delegation.participant,
              roles: rolesOf(delegation.participant.id),
              position: member.position,
            });
            byAccount.set(member.accountId, list);
          }
        }
      }
      return byAccount;
    },
  });
}

/**
 * After a change of membership: every membership view reloads, and so does the reader's own session,
 * since their own roles (and so the navigation) may have changed.
 */
async function afterChange(client: QueryClient) {
  await Promise.all([
    client.invalidateQueries({ queryKey: membershipsKey }),
    client.invalidateQueries({ queryKey: sessionKey }),
  ]);
}

/** Puts an account on a delegation (POST /api/delegations/{id}/members). */
export async function addMember(client: QueryClient, delegationId: string, body: AddMemberBody) {
  const created = await api.post<DelegationMember>(
    `/api/delegations/${encodeURIComponent(delegationId)}/members`,
    body,
  );
  await afterChange(client);
  return created;
}

/** Takes an account off a delegation (DELETE /api/delegations/{id}/members/{accountId}). */
export async function removeMember(client: QueryClient, delegationId: string, accountId: string) {
  await api.delete(
    `/api/delegations/${encodeURIComponent(delegationId)}/members/${encodeURIComponent(accountId)}`,
  );
  await afterChange(client);
}

/** The positions offered in the form; anything else is typed as free text and shown as typed. */
export const positionChoices = ["head", "member", "staff"] as const;
const positionAliases: Record<string, (typeof positionChoices)[number]> = {
  head: "head",
  "head of delegation": "head",
  member: "member",
  staff: "staff",
};

/** A stored position in the reader's language when it is one of the usual ones, else as it was written. */
export function positionLabel(t: TFunction, position: string): string {
  const known = positionAliases[position.trim().toLowerCase()];
  return known ? t(`core:positions.${known}`) : position;
}

/** The roles a delegation gives, in the reader's language ("Host, Guarantor"). */
export function rolesLabel(t: TFunction, roles: readonly string[]): string {
  return roles.map((role) => t(`secretariat:role.${role}`)).join(", ");
}
