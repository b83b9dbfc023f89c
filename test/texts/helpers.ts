// The round-23 cast for the negotiated-texts tests: the fixture process plus Türkiye's and Iran's guarantor accounts.
import { expect } from "vitest";
import { createTestAccount, type TestApp } from "../helpers/app.ts";
import { addToDelegation, type ProcessFixture } from "../helpers/process-fixtures.ts";

export type TextsCast = ProcessFixture & {
  turkiye: string;
  iran: string;
  russia: string;
  roundId: string;
};

/** Earlier statements of the format have this shape: a chapeau, preambular paragraphs, numbered operative ones. */
export const earlierStatement = `Joint Statement by Iran, Russia and Türkiye on the International Meeting on Syria in the Astana format

The Islamic Republic of Iran, the Russian Federation and the Republic of Türkiye as guarantors of the Astana format:

Reaffirming their strong commitment to the sovereignty, independence, unity and territorial integrity of the Syrian Arab Republic,
Recalling UN Security Council resolution 2254,
Welcoming the participation of the delegations of Jordan, Lebanon and Iraq as observers,

1. Reaffirmed their determination to continue working together to advance the political process.
2. Emphasized the importance of the Constitutional Committee in Geneva.
3. Decided to hold the next International Meeting on Syria in the Astana format in the second half of 2025.
`;

/** Signs in two more guarantor delegations (Türkiye, Iran) and plans round 23. */
export async function buildTextsCast(app: TestApp, fx: ProcessFixture): Promise<TextsCast> {
  const password = "correct horse battery";
  const extra: Record<string, string> = {};
  for (const who of ["turkiye", "iran"] as const) {
    const accountId = await createTestAccount(app.deps.db, { email: `${who}@example.org`, password });
    await addToDelegation(app, fx.processId, fx.participants[who].id, accountId);
    extra[who] = await app.signIn(`${who}@example.org`, password);
  }
  const round = await app.request({
    method: "POST",
    url: `/api/processes/${fx.slug}/rounds`,
    as: fx.as.secretariat,
    payload: { names: { en: "Round 23" }, number: 23, startDate: "2025-05-20", endDate: "2025-05-21" },
  });
  if (round.statusCode !== 201) throw new Error(`plan round 23: ${round.body}`);
  return {
    ...fx,
    turkiye: extra.turkiye as string,
    iran: extra.iran as string,
    russia: fx.as.guarantor as string,
    roundId: round.json().id,
  };
}

type Method = "GET" | "POST" | "PATCH";

/**
 * Calls of the texts API as one account (`as`, or the public when undefined): `call` answers the raw
 * response, `ok` expects success and answers its JSON.
 */
export function textsApi(app: () => TestApp) {
  const call = (as: string | undefined, method: Method, url: string, payload?: unknown) =>
    app().request({
      method,
      url: `/api${url}`,
      as,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const ok = async (as: string | undefined, method: Method, url: string, payload?: unknown) => {
    const response = await call(as, method, url, payload);
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
    return response.json();
  };
  return { call, ok };
}

/** A paragraph of the compilation view, as the tests read it. */
export type Paragraph = {
  id: string;
  kind: string;
  number: string | null;
  body: string;
  state: string;
  segments: Segment[];
};
export type Segment =
  | { kind: "text"; text: string }
  | { kind: "bracket"; bracketId: string; options: Option[] };
export type Option = {
  id: string;
  label: string;
  text: string;
  isDelete: boolean;
  proposedBy: { name: string }[];
  withdrawn: boolean;
  positions: { participant: { name: string }; stance: string }[];
};

/** The first bracket of a paragraph in the compilation view; fails when it has none. */
export function firstBracketOf(paragraph: Paragraph | undefined): Extract<Segment, { kind: "bracket" }> {
  const bracket = paragraph?.segments.find((segment) => segment.kind === "bracket");
  if (bracket?.kind !== "bracket") throw new Error(`no bracket in ${JSON.stringify(paragraph)}`);
  return bracket;
}
