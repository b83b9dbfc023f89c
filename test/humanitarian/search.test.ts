// No person's name ever enters the search index (issue 18, item 5): the humanitarian module declares no
// searchable kind, so a case registered by hand, a status change's evidence and a list's rows are found by
// search for no role, while the case list finds the case for its own side. A public commitment written
// after them is found, so the index has caught up and the search could have found them.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { SearchResults } from "../../src/contracts/search.ts";
import { appModules } from "../../src/server/modules.ts";
import {
  csvOf,
  type HumCast,
  personRow,
  templateHeader,
  uploadList,
  withHumanitarianCast,
} from "./helpers.ts";

let cast: HumCast;
withHumanitarianCast((ready) => {
  cast = ready;
});

const names = ["Zarvendil", "Qorbanash", "زمرقندي", "Velmirath"] as const;
const evidenceWord = "Sprockwyn";
const rowName = "Thalvessir";
const control = "Brindlemarsh";
let caseId = "";

async function found(q: string, as: string | undefined): Promise<string[]> {
  const response = await cast.app.request({
    method: "GET",
    url: `/api/search?${new URLSearchParams({ q })}`,
    as,
  });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as SearchResults).groups.flatMap((group) => group.hits.map((hit) => hit.kind));
}

beforeAll(async () => {
  const { app, fx } = cast;
  const created = await app.request({
    method: "POST",
    url: `/api/processes/${fx.slug}/humanitarian/cases`,
    as: fx.as.party,
    payload: {
      delegationId: cast.government,
      kind: "missing",
      sharing: "working_group",
      person: {
        arabic: { given: names[2] },
        latin: { given: names[0], family: names[1], mother: names[3] },
        origin: "Idlib",
      },
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  caseId = created.json().id;
  const status = await app.request({
    method: "POST",
    url: `/api/humanitarian/cases/${caseId}/status`,
    as: cast.as.icrc,
    payload: { status: "located", evidence: `Seen by ${evidenceWord} in March` },
  });
  expect(status.statusCode, status.body).toBe(200);
  const row = personRow(1, { given_latin: rowName });
  const uploaded = await uploadList(cast, fx.as.party, csvOf(templateHeader, [row]), {
    delegationId: cast.government,
    title: "Searched list",
    sharing: "working_group",
  });
  expect(uploaded.statusCode, uploaded.body).toBe(200);
  const commitment = await app.request({
    method: "POST",
    url: `/api/processes/${fx.slug}/commitments`,
    as: fx.as.secretariat,
    payload: { what: `Open the ${control} crossing`, category: "humanitarian_access" },
  });
  expect(commitment.statusCode, commitment.body).toBe(201);
});

describe("a person's name and the search index", () => {
  it("the humanitarian module contributes nothing to search", () => {
    const module = appModules.find((candidate) => candidate.name === "humanitarian");
    expect(module).toBeDefined();
    expect(module?.search).toBeUndefined();
  });

  it("finds no name, evidence or list row for any role, though the index is current", async () => {
    const callers = { ...cast.as };
    for (const [role, as] of Object.entries(callers)) {
      expect(await found(control, as), role).toContain("commitment");
      for (const word of [...names, evidenceWord, rowName])
        expect(await found(word, as), `${role} searching ${word}`).toEqual([]);
    }
    const indexed = await cast.app.deps.db.execute(
      sql`select count(*)::int as n from search_documents where (title::text || passages::text) ~* ${[...names, evidenceWord, rowName].join("|")}`,
    );
    expect((indexed as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(0);
  });

  it("finds the case by the case list for its side, and for the working group it was shared with", async () => {
    for (const as of [cast.fx.as.party, cast.as.icrc, cast.fx.as.guarantor]) {
      const response = await cast.app.request({
        method: "GET",
        url: `/api/processes/${cast.fx.slug}/humanitarian/cases`,
        as,
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.body).toContain(names[0]);
      expect(response.body).toContain(names[2]);
    }
    const other = await cast.app.request({
      method: "GET",
      url: `/api/processes/${cast.fx.slug}/humanitarian/cases`,
      as: cast.as.opposition,
    });
    expect(other.body).not.toContain(names[0]);
  });
});
