// The humanitarian tests' cast: the core fixture (host, guarantors, the government as a party, an
// observer, the UN, monitors) plus the armed opposition as the second party and the ICRC as the neutral
// intermediary, each with a signed-in account; and list files as a side would send them.
import { beforeAll } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { createTestAccount } from "../helpers/app.ts";
import { addToDelegation, type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";

export type HumCast = {
  app: TestApp;
  fx: ProcessFixture;
  /** Session cookies: the fixture's roles plus `opposition` and `icrc`. */
  as: ProcessFixture["as"] & { opposition: string; icrc: string };
  government: string;
  opposition: string;
  icrcParticipantId: string;
};

const password = "correct horse battery";

/** Starts the fixture server and adds the second side and the intermediary (once per test file). */
export function withHumanitarianCast(ready: (cast: HumCast) => void): void {
  let app: TestApp;
  let fx: ProcessFixture;
  withProcessFixture((started) => {
    app = started.app;
    fx = started.fx;
  });
  beforeAll(async () => {
    ready(await addHumanitarianCast(app, fx));
  });
}

/** Adds the armed opposition (a party) and the ICRC (the intermediary) to a fixture, each with an account. */
export async function addHumanitarianCast(app: TestApp, fx: ProcessFixture): Promise<HumCast> {
  const extra: Record<string, string> = {};
  for (const [slug, kind, names, role] of [
    ["syrian-opposition", "party", { en: "Syrian armed opposition" }, "party"],
    ["icrc", "organization", { en: "International Committee of the Red Cross" }, "intermediary"],
  ] as const) {
    const created = await app.request({
      method: "POST",
      url: "/api/participants",
      as: fx.as.admin,
      payload: { slug, kind, names },
    });
    if (created.statusCode !== 201) throw new Error(created.body);
    const participantId: string = created.json().id;
    const assigned = await app.request({
      method: "POST",
      url: `/api/processes/${fx.slug}/roles`,
      as: fx.as.secretariat,
      payload: { participantId: slug, role, fromDate: "2017-01-23" },
    });
    if (assigned.statusCode !== 201) throw new Error(assigned.body);
    const email = `${slug}@example.org`;
    const accountId = await createTestAccount(app.deps.db, { email, password });
    extra[`${slug}:delegation`] = await addToDelegation(app, fx.processId, participantId, accountId);
    extra[`${slug}:participant`] = participantId;
    extra[slug] = await app.signIn(email, password);
  }
  return {
    app,
    fx,
    as: { ...fx.as, opposition: extra["syrian-opposition"] ?? "", icrc: extra.icrc ?? "" },
    government: fx.delegationOf["syrian-government"] ?? "",
    opposition: extra["syrian-opposition:delegation"] ?? "",
    icrcParticipantId: extra["icrc:participant"] ?? "",
  };
}

/** Our template's header. */
export const templateHeader = [
  "given_ar",
  "father_ar",
  "family_ar",
  "mother_ar",
  "given_latin",
  "father_latin",
  "family_latin",
  "sex",
  "birth",
  "origin",
  "event_date",
  "event_place",
];

/** A CSV file (UTF-8) from rows of cells; cells are quoted. */
export function csvOf(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => cells.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(",");
  return `${[line(header), ...rows.map(line)].join("\n")}\n`;
}

/** A person's row in our template. */
export function personRow(n: number, overrides: Partial<Record<string, string>> = {}): string[] {
  const fields: Record<string, string> = {
    given_ar: "محمد",
    father_ar: "أحمد",
    family_ar: `الخطيب${n}`,
    mother_ar: "فاطمة",
    given_latin: "Mohammed",
    father_latin: "Ahmad",
    family_latin: `al-Khatib${n}`,
    sex: "m",
    birth: String(1960 + (n % 40)),
    origin: "Aleppo",
    event_date: "2015-03-01",
    event_place: "Homs",
    ...overrides,
  };
  return templateHeader.map((column) => fields[column] ?? "");
}

/** Uploads a list as a side; `dryRun` false imports. */
export function uploadList(
  cast: HumCast,
  as: string | undefined,
  body: string | Buffer,
  query: Record<string, string>,
  contentType = "text/csv",
) {
  const params = new URLSearchParams({ title: "List", dryRun: "false", ...query });
  return cast.app.request({
    method: "POST",
    url: `/api/processes/${cast.fx.slug}/humanitarian/lists?${params}`,
    as,
    payload: body,
    headers: { "content-type": contentType },
  });
}
