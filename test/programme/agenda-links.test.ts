// An agenda item followed from round to round (issue 16, item 1): the sessions that take it up, the
// texts negotiated under it, the commitments that come from them, and the same subject in the rounds
// before and after, matched by its key or by its title; every link through its own tier rule.
import { beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";
import { buildTextsCast, earlierStatement, type Paragraph, type TextsCast } from "../texts/helpers.ts";
import { at, programmeApi, twoDays } from "./helpers.ts";

let app: TestApp;
let fx: ProcessFixture;
let cast: TextsCast;
const rounds: Record<22 | 23 | 24, string> = { 22: "", 23: "", 24: "" };
let documentId = "";
let paragraphs: Paragraph[] = [];
withProcessFixture((started) => ({ app, fx } = started));
const { call, ok } = programmeApi(() => app);

type Elsewhere = { roundId: string; roundNumber: number; itemId: string; title: string } | null;
type Item = {
  id: string;
  title: string;
  key: string | null;
  documents: { id: string; title: string }[];
  sessionIds: string[];
  commitments: { id: string; what: string; status: string }[];
  previous: Elsewhere;
  next: Elsewhere;
};
const agendaOf = async (as: string | undefined, number: 22 | 23 | 24) =>
  (await ok(as, "GET", `/rounds/${rounds[number]}/programme`)).agenda as Item[];
const propose = (number: 22 | 23 | 24, body: Record<string, unknown>) =>
  ok(cast.as.secretariat, "POST", `/rounds/${rounds[number]}/programme/agenda`, body);

beforeAll(async () => {
  cast = await buildTextsCast(app, fx);
  rounds[23] = cast.roundId;
  for (const [number, startDate] of [
    [22, "2024-11-11"],
    [24, "2025-09-01"],
  ] as const)
    rounds[number] = (
      await ok(cast.as.secretariat, "POST", `/processes/${fx.slug}/rounds`, {
        number,
        names: { en: `Astana ${number}` },
        startDate,
        endDate: startDate,
      })
    ).id;
  // Round 23's joint statement, negotiated and adopted by the three guarantors.
  documentId = (
    await ok(cast.as.secretariat, "POST", `/rounds/${rounds[23]}/texts`, {
      kind: "joint_statement",
      title: "Joint Statement on the 23rd International Meeting on Syria in the Astana format",
      plainText: earlierStatement,
    })
  ).id;
  const view = await ok(cast.russia, "GET", `/texts/${documentId}`);
  paragraphs = view.paragraphs;
  let version = view.document.version;
  for (const paragraph of paragraphs)
    version = (
      await ok(cast.as.secretariat, "POST", `/texts/${documentId}/paragraphs/${paragraph.id}/state`, {
        baseVersion: version,
        state: "ad_referendum",
      })
    ).version;
  for (const guarantor of [cast.russia, cast.turkiye, cast.iran])
    await ok(guarantor, "POST", `/texts/${documentId}/approve`, { baseVersion: version });
  await ok(cast.as.secretariat, "POST", `/texts/${documentId}/adopt`, { baseVersion: version });
}, 120_000);

describe("an agenda item followed from round to round", () => {
  let detainees = "";
  let refugees = "";
  let publicCommitment = "";
  let guarantorsCommitment = "";

  it("links an item to the previous and next rounds' same subject, by key or by title", async () => {
    await propose(22, { title: "The return of refugees" });
    await propose(22, { title: "Release of detainees and abductees", key: "detainees" });
    refugees = (await propose(23, { title: "The return of refugees." })).id;
    detainees = (
      await propose(23, {
        title: "Detainees, abductees, bodies and missing persons",
        key: "detainees",
        documentIds: [documentId],
      })
    ).id;
    await propose(23, { title: "Counter-terrorism" });
    await propose(24, { title: "the return of  refugees" });

    const agenda = await agendaOf(cast.as.secretariat, 23);
    const byTitle = (title: string) => agenda.find((item) => item.title === title) as Item;
    const refugeesItem = byTitle("The return of refugees.");
    expect(refugeesItem.previous).toMatchObject({ roundId: rounds[22], roundNumber: 22 });
    expect(refugeesItem.next).toMatchObject({ roundId: rounds[24], roundNumber: 24 });
    // Reworded from round to round, the key follows it.
    const detaineesItem = byTitle("Detainees, abductees, bodies and missing persons");
    expect(detaineesItem.key).toBe("detainees");
    expect(detaineesItem.previous).toMatchObject({
      roundNumber: 22,
      title: "Release of detainees and abductees",
    });
    expect(detaineesItem.next).toBeNull();
    expect(byTitle("Counter-terrorism").previous).toBeNull();
    // And back: round 24's item points to round 23's.
    const later = await agendaOf(cast.as.secretariat, 24);
    expect(later[0]?.previous).toMatchObject({ roundNumber: 23, itemId: refugees });
  });

  it("shows the sessions that take it up and the texts negotiated under it", async () => {
    await ok(cast.as.secretariat, "PUT", `/rounds/${rounds[23]}/programme/settings`, twoDays);
    const session = await ok(cast.as.secretariat, "POST", `/rounds/${rounds[23]}/programme/sessions`, {
      kind: "plenary",
      title: "Plenary session",
      startsAt: at(2, "15:00"),
      endsAt: at(2, "16:00"),
      agendaItemIds: [detainees],
    });
    const item = (await agendaOf(cast.russia, 23)).find((i) => i.id === detainees) as Item;
    expect(item.documents.map((d) => d.title)).toEqual([
      "Joint Statement on the 23rd International Meeting on Syria in the Astana format",
    ]);
    // The plenary is provisional: the secretariat sees it taking up the item, Russia not yet.
    expect(item.sessionIds).toEqual([]);
    const seen = (await agendaOf(cast.as.secretariat, 23)).find((i) => i.id === detainees) as Item;
    expect(seen.sessionIds).toEqual([session.id]);
  });

  it("shows the commitments that come from its texts, each to whom its tier opens it", async () => {
    const operative = paragraphs.filter((p) => p.kind === "operative");
    publicCommitment = (
      await ok(cast.as.secretariat, "POST", `/processes/${fx.slug}/commitments`, {
        documentId,
        paragraphId: operative[0]?.id,
        category: "political_process",
        tier: "public",
      })
    ).id;
    guarantorsCommitment = (
      await ok(cast.as.secretariat, "POST", `/processes/${fx.slug}/commitments`, {
        documentId,
        paragraphId: operative[1]?.id,
        category: "political_process",
        tier: "guarantors",
      })
    ).id;
    const forRussia = (await agendaOf(cast.russia, 23)).find((i) => i.id === detainees) as Item;
    expect(forRussia.commitments.map((c) => c.id).sort()).toEqual(
      [publicCommitment, guarantorsCommitment].sort(),
    );
    expect(forRussia.commitments.find((c) => c.id === publicCommitment)?.what).toContain(
      "continue working together",
    );
    // The government (a party) sees the public commitment, neither the guarantors' one nor their text.
    const forParty = (await agendaOf(cast.as.party, 23)).find((i) => i.id === detainees) as Item;
    expect(forParty.commitments.map((c) => c.id)).toEqual([publicCommitment]);
    expect(forParty.documents).toEqual([]);
    const body = (await call(cast.as.observer, "GET", `/rounds/${rounds[23]}/programme`)).body;
    expect(body).not.toContain(guarantorsCommitment);
    // Items that are not its texts' own carry no commitment.
    const other = (await agendaOf(cast.russia, 23)).find((i) => i.id === refugees) as Item;
    expect(other.commitments).toEqual([]);
  });

  it("takes a key only in its form, and clears it", async () => {
    const bad = await call(cast.as.secretariat, "PATCH", `/programme/agenda/${refugees}`, {
      key: "Refugees!",
    });
    expect(bad.statusCode, bad.body).toBe(400);
    await ok(cast.as.secretariat, "PATCH", `/programme/agenda/${detainees}`, { key: null });
    const item = (await agendaOf(cast.as.secretariat, 23)).find((i) => i.id === detainees) as Item;
    expect(item.key).toBeNull();
    expect(item.previous).toBeNull();
  });
});
