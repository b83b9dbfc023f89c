// The cast the role tests share: every role's session, one side's list and case, a case the other side
// shared with the working group, and an exchange naming it; with a read asked of every role at once.
import { beforeAll } from "vitest";
import {
  csvOf,
  type HumCast,
  personRow,
  templateHeader,
  uploadList,
  withHumanitarianCast,
} from "./helpers.ts";

export const roles = [
  "public",
  "admin",
  "secretariat",
  "guarantor",
  "party",
  "opposition",
  "observer",
  "io",
  "monitor",
  "icrc",
] as const;
export type Role = (typeof roles)[number];

/** What the role tests read and write with; its records are made before the file's first test. */
export type RolesWorld = {
  cast: HumCast;
  governmentList: string;
  governmentCase: string;
  sharedCase: string;
  exchangeId: string;
  get: (url: string, role: Role) => ReturnType<HumCast["app"]["request"]>;
  post: (url: string, role: Role, payload?: object) => ReturnType<HumCast["app"]["request"]>;
  /** What each role gets from a read, as `status` or `status:count`. */
  matrix: (url: string, count?: (body: Record<string, unknown>) => number) => Promise<Record<Role, string>>;
};

/** Starts the humanitarian cast for this test file and makes the shared records. */
export function withRolesWorld(): RolesWorld {
  const world = {} as RolesWorld;
  const cookie = (role: Role) =>
    role === "public" ? undefined : (world.cast.as as Record<string, string | undefined>)[role];
  world.get = (url, role) => world.cast.app.request({ method: "GET", url, as: cookie(role) });
  world.post = (url, role, payload = {}) =>
    world.cast.app.request({ method: "POST", url, as: cookie(role), payload });
  world.matrix = async (url, count) => {
    const out = {} as Record<Role, string>;
    for (const role of roles) {
      const response = await world.get(url, role);
      out[role] =
        count && response.statusCode === 200 ? `200:${count(response.json())}` : String(response.statusCode);
    }
    return out;
  };
  withHumanitarianCast((ready) => {
    world.cast = ready;
  });
  beforeAll(async () => {
    const { cast, get, post } = world;
    const uploaded = await uploadList(
      cast,
      cast.as.party,
      csvOf(templateHeader, [personRow(1), personRow(2)]),
      {
        delegationId: cast.government,
      },
    );
    world.governmentList = uploaded.json().listId;
    const list = (await get(`/api/humanitarian/lists/${world.governmentList}`, "party")).json();
    world.governmentCase = list.entries[0].caseId;
    const shared = await post(`/api/processes/${cast.fx.slug}/humanitarian/cases`, "opposition", {
      delegationId: cast.opposition,
      kind: "abducted",
      sharing: "working_group",
      person: { latin: { given: "Rami", family: "Haddad" }, birthYear: 1990 },
    });
    world.sharedCase = shared.json().id;
    const planned = await post(`/api/processes/${cast.fx.slug}/humanitarian/exchanges`, "guarantor", {
      on: "2027-01-10",
      place: "Abu al-Zindeen",
      firstDelegationId: cast.government,
      secondDelegationId: cast.opposition,
      firstReleases: 1,
      secondReleases: 1,
    });
    world.exchangeId = planned.json().id;
    await post(`/api/humanitarian/exchanges/${world.exchangeId}/people`, "icrc", {
      caseId: world.sharedCase,
      releasingDelegationId: cast.government,
    });
  });
  return world;
}
