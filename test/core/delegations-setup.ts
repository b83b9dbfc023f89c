// Shared set-up of the delegation tests: a round of the fixture process, brought to the stage a file starts from.
import { beforeAll } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";

export type DelegationsRound = {
  app: TestApp;
  fx: ProcessFixture;
  roundId: string;
  /** Round-delegation ids by participant slug. */
  invited: Record<string, string>;
};

export const russianList = [
  {
    nameNative: "Александр Лаврентьев",
    nameLatin: "Alexander Lavrentiev",
    title: "Special Presidential Envoy",
    isHead: true,
  },
  { nameNative: "Сергей Вершинин", nameLatin: "Sergey Vershinin", title: "Deputy Minister" },
];

/** The secretariat invites a participant to the round, in its current role unless one is given. */
export function inviteDelegation(
  round: Omit<DelegationsRound, "invited">,
  participantId: string,
  role?: string,
) {
  return round.app.request({
    method: "POST",
    url: `/api/rounds/${round.roundId}/delegations`,
    as: round.fx.as.secretariat,
    payload: role ? { participantId, role } : { participantId },
  });
}

/** Submits a delegation's list of members for the round, as the given session. */
export function submitMembers(
  round: Omit<DelegationsRound, "invited">,
  participant: string,
  members: unknown[],
  as: string | undefined,
) {
  return round.app.request({
    method: "PUT",
    url: `/api/rounds/${round.roundId}/delegations/${participant}/members`,
    as,
    payload: { members },
  });
}

async function expectOk(response: { statusCode: number; body: string }, what: string): Promise<void> {
  if (response.statusCode >= 300)
    throw new Error(`set-up failed (${what}): ${response.statusCode} ${response.body}`);
}

/**
 * A test server with the fixture process and round 23, started before the calling file's tests:
 * `round` stops there; `invited` also invites the seven participants the invitation tests invite;
 * `listed` also submits Russia's list of members, as the member-list tests do.
 */
export function withDelegationsRound(
  stage: "round" | "invited" | "listed",
  ready: (round: DelegationsRound) => void,
): void {
  let app: TestApp;
  let fx: ProcessFixture;
  withProcessFixture((started) => ({ app, fx } = started));
  beforeAll(async () => {
    const round = await app.request({
      method: "POST",
      url: `/api/processes/${fx.slug}/rounds`,
      as: fx.as.secretariat,
      payload: {
        number: 23,
        names: { en: "Astana 23", ru: "Астана 23", ar: "أستانا 23" },
        startDate: "2025-05-12",
        endDate: "2025-05-13",
      },
    });
    await expectOk(round, "create the round");
    const state: DelegationsRound = { app, fx, roundId: round.json().id, invited: {} };
    if (stage !== "round") {
      for (const participant of ["russia", "turkiye", "iran", "syrian-government", "jordan", "kazakhstan"]) {
        const response = await inviteDelegation(state, participant);
        await expectOk(response, `invite ${participant}`);
        state.invited[participant] = response.json().id;
      }
      const unitedStates = await inviteDelegation(state, "united-states", "observer");
      await expectOk(unitedStates, "invite united-states");
      state.invited["united-states"] = unitedStates.json().id;
    }
    if (stage === "listed") {
      await expectOk(
        await submitMembers(state, "russia", russianList, fx.as.guarantor),
        "submit Russia's list",
      );
    }
    ready(state);
  });
}
