// The round-23 story at the API level: three guarantors negotiate a joint statement imported from an
// earlier one, the secretariat holds the pen; an observer and a party never see the draft.
import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { countRows, type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";
import {
  buildTextsCast,
  earlierStatement,
  firstBracketOf,
  type Paragraph,
  type TextsCast,
  textsApi,
} from "./helpers.ts";

let app: TestApp;
let fx: ProcessFixture;
let cast: TextsCast;
withProcessFixture((started) => ({ app, fx } = started));

const { call, ok } = textsApi(() => app);

describe("round 23: the joint statement from an imported draft to publication", () => {
  let documentId = "";
  /** A delegation's position on an option, at version 4 (the text as the pen-holder bracketed it). */
  const position = (as: string | undefined, optionId: string | undefined, stance: string) =>
    call(as, "POST", `/texts/${documentId}/positions`, { baseVersion: 4, optionId, stance });
  const expectOk = async (response: ReturnType<typeof position>) =>
    expect((await response).statusCode).toBeLessThan(300);
  let paragraphs: Paragraph[] = [];
  const text = () => ok(cast.russia, "GET", `/texts/${documentId}`);

  it("sets up the guarantors and round 23", async () => {
    cast = await buildTextsCast(app, fx);
    expect(cast.roundId).toBeTruthy();
  });

  it("imports an earlier statement, split as a person would", async () => {
    const created = await call(cast.as.secretariat, "POST", `/rounds/${cast.roundId}/texts`, {
      kind: "joint_statement",
      title: "Joint Statement on the 23rd International Meeting on Syria in the Astana format",
      plainText: earlierStatement,
    });
    expect(created.statusCode, created.body).toBe(201);
    documentId = created.json().id;
    const view = await text();
    paragraphs = view.paragraphs;
    expect(paragraphs.map((p) => [p.kind, p.number])).toEqual([
      ["heading", null],
      ["heading", null],
      ["preambular", null],
      ["preambular", null],
      ["preambular", null],
      ["operative", "1."],
      ["operative", "2."],
      ["operative", "3."],
    ]);
    expect(paragraphs[5]?.body).toBe(
      "Reaffirmed their determination to continue working together to advance the political process.",
    );
    expect(view.document).toMatchObject({ status: "draft", tier: "guarantors", version: 1 });
    expect(
      view.rule.map((member: { participant: { name: string } }) => member.participant.name).sort(),
    ).toEqual(["Iran", "Russia", "Türkiye"]);
    expect(view.can).toMatchObject({
      propose: true,
      takePosition: true,
      approve: true,
      decide: false,
      adopt: false,
    });
  });

  it("hides the draft from an observer, a party and the public: 404 as if it did not exist", async () => {
    for (const who of [cast.as.observer, cast.as.party, cast.as.io, cast.as.admin, undefined]) {
      for (const path of [
        "",
        "/clean",
        "/mine",
        "/export.txt",
        `/paragraphs/${paragraphs[6]?.id}/history`,
        "/as-of",
      ]) {
        const response = await call(who, "GET", `/texts/${documentId}${path}`);
        expect(response.statusCode, `${path}: ${response.body}`).toBe(404);
        expect(response.body).not.toContain("Reaffirmed");
      }
    }
    const list = await ok(cast.as.party, "GET", `/rounds/${cast.roundId}/texts`);
    expect(list.items).toEqual([]);
    const guarantorList = await ok(cast.iran, "GET", `/rounds/${cast.roundId}/texts`);
    expect(guarantorList.items.map((item: { id: string }) => item.id)).toEqual([documentId]);
  });

  let russian = "";
  let turkish = "";
  let iranian = "";
  it("records simultaneous proposals from each guarantor against version 1", async () => {
    const second = paragraphs[6] as Paragraph;
    const span = "in Geneva";
    const start = second.body.indexOf(span);
    const [r, t, i] = await Promise.all([
      call(cast.russia, "POST", `/texts/${documentId}/proposals`, {
        baseVersion: 1,
        kind: "replace",
        paragraphId: second.id,
        start,
        end: start + span.length,
        text: "in Geneva and called for its early resumption",
        rationale: "The Committee has not met since 2022.",
      }),
      call(cast.turkiye, "POST", `/texts/${documentId}/proposals`, {
        baseVersion: 1,
        kind: "replace",
        paragraphId: second.id,
        start,
        end: start + span.length,
        text: "under UN auspices",
        rationale: "Venue is not agreed.",
      }),
      call(cast.iran, "POST", `/texts/${documentId}/proposals`, {
        baseVersion: 1,
        kind: "insert",
        afterParagraphId: paragraphs[5]?.id,
        paragraphKind: "operative",
        text: "Called for the unconditional lifting of unilateral sanctions.",
      }),
    ]);
    for (const response of [r, t, i]) expect(response.statusCode, response.body).toBe(200);
    russian = r.json().id;
    turkish = t.json().id;
    iranian = i.json().id;
    const view = await text();
    expect(
      view.proposals.map((p: { author: { name: string }; state: string }) => [p.author.name, p.state]).sort(),
    ).toEqual([
      ["Iran", "open"],
      ["Russia", "open"],
      ["Türkiye", "open"],
    ]);
    expect(view.document.version).toBe(1);
  });

  it("refuses proposals from a party and an observer without revealing the draft", async () => {
    for (const who of [cast.as.party, cast.as.observer]) {
      const response = await call(who, "POST", `/texts/${documentId}/proposals`, {
        baseVersion: 1,
        kind: "delete",
        paragraphId: paragraphs[7]?.id,
      });
      expect(response.statusCode).toBe(404);
      const withdraw = await call(who, "POST", `/texts/${documentId}/proposals/${russian}/withdraw`, {
        baseVersion: 1,
      });
      expect(withdraw.statusCode).toBe(404);
    }
  });

  it("lets the pen-holder bracket them: options attributed, a new paragraph renumbers the rest", async () => {
    expect(
      (
        await call(cast.russia, "POST", `/texts/${documentId}/proposals/${russian}/decide`, {
          baseVersion: 1,
          decision: "bracket",
        })
      ).statusCode,
    ).toBe(403);
    let version = 1;
    for (const proposal of [russian, turkish, iranian]) {
      const decided = await ok(
        cast.as.secretariat,
        "POST",
        `/texts/${documentId}/proposals/${proposal}/decide`,
        {
          baseVersion: version,
          decision: "bracket",
        },
      );
      version = decided.version;
    }
    expect(version).toBe(4);
    const view = await text();
    paragraphs = view.paragraphs;
    const numbers = paragraphs.filter((p) => p.kind === "operative").map((p) => [p.number, p.state]);
    expect(numbers).toEqual([
      ["1.", "draft"],
      ["2.", "bracketed"],
      ["3.", "bracketed"],
      ["4.", "draft"],
    ]);
    const geneva = paragraphs.find((p) => p.body.includes("Constitutional Committee")) as Paragraph;
    const bracket = firstBracketOf(geneva);
    expect(bracket.options.map((o) => [o.label, o.text, o.proposedBy.map((p) => p.name)])).toEqual([
      ["A", "in Geneva", []],
      ["B", "in Geneva and called for its early resumption", ["Russia"]],
      ["C", "under UN auspices", ["Türkiye"]],
    ]);
    expect(view.openBrackets).toBe(2);
  });

  it("refuses a stale edit from a second browser with the current text", async () => {
    const stale = await call(
      cast.as.secretariat2,
      "PATCH",
      `/texts/${documentId}/paragraphs/${paragraphs[5]?.id}`,
      {
        baseVersion: 1,
        body: "Reaffirmed their resolve.",
      },
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("stale_version");
    expect(stale.json().error.details.current.version).toBe(4);
    expect(stale.json().error.details.current.paragraphs).toHaveLength(9);
    expect((await text()).paragraphs[5].body).toContain("Reaffirmed their determination");
  });

  it("takes positions from the guarantors, and refuses one from outside the rule", async () => {
    const geneva = paragraphs.find((p) => p.body.includes("Constitutional Committee")) as Paragraph;
    const bracket = firstBracketOf(geneva);
    const [, b, c] = bracket.options;
    await expectOk(position(cast.russia, b?.id, "supports"));
    await expectOk(position(cast.russia, c?.id, "objects"));
    await expectOk(position(cast.turkiye, c?.id, "supports"));
    await expectOk(position(cast.iran, b?.id, "can_accept"));
    const before = await countRows(app, "text_positions");
    const secretariat = await position(cast.as.secretariat, b?.id, "supports");
    expect(secretariat.statusCode).toBe(403);
    const party = await position(cast.as.party, b?.id, "supports");
    expect(party.statusCode).toBe(404);
    expect(await countRows(app, "text_positions")).toBe(before);
    const view = await text();
    const shown = firstBracketOf((view.paragraphs as Paragraph[]).find((p) => p.id === geneva.id));
    expect(shown.options[1]?.positions.map((p) => [p.participant.name, p.stance]).sort()).toEqual([
      ["Iran", "can_accept"],
      ["Russia", "supports"],
    ]);
    const mine = await ok(cast.turkiye, "GET", `/texts/${documentId}/mine`);
    expect(mine.proposals.map((p: { id: string }) => p.id)).toEqual([turkish]);
    expect(mine.pendingPositions).toHaveLength(1);
    expect(mine.approvalPending).toBe(true);
  });

  it("refuses adoption while a bracket remains", async () => {
    const refused = await call(cast.as.secretariat, "POST", `/texts/${documentId}/adopt`, { baseVersion: 4 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("not_adoptable");
    expect(refused.json().error.details.openBrackets).toBe(2);
    expect(refused.json().error.message).toContain("bracket");
  });

  it("resolves the brackets: a withdrawal, an acceptance, and a withdrawn insertion that leaves the text", async () => {
    expect(
      (
        await call(cast.russia, "POST", `/texts/${documentId}/proposals/${turkish}/withdraw`, {
          baseVersion: 4,
        })
      ).statusCode,
    ).toBe(403);
    const withdrawn = await ok(cast.turkiye, "POST", `/texts/${documentId}/proposals/${turkish}/withdraw`, {
      baseVersion: 4,
    });
    const accepted = await ok(
      cast.as.secretariat,
      "POST",
      `/texts/${documentId}/proposals/${russian}/decide`,
      {
        baseVersion: withdrawn.version,
        decision: "accept",
      },
    );
    const gone = await ok(cast.iran, "POST", `/texts/${documentId}/proposals/${iranian}/withdraw`, {
      baseVersion: accepted.version,
    });
    const view = await text();
    expect(view.openBrackets).toBe(0);
    expect(view.document.version).toBe(gone.version);
    const operative = (view.paragraphs as Paragraph[]).filter((p) => p.kind === "operative");
    expect(operative.map((p) => p.number)).toEqual(["1.", "2.", "3."]);
    expect(operative[1]?.body).toBe(
      "Emphasized the importance of the Constitutional Committee in Geneva and called for its early resumption.",
    );
    expect(operative[1]?.state).toBe("draft");
    const states = Object.fromEntries(
      view.proposals.map((p: { id: string; state: string }) => [p.id, p.state]),
    );
    expect(states).toEqual({ [russian]: "accepted", [turkish]: "withdrawn", [iranian]: "withdrawn" });
    const history = await ok(cast.iran, "GET", `/texts/${documentId}/paragraphs/${operative[1]?.id}/history`);
    expect(history.events.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining([
        "paragraph.import",
        "proposal.bracket",
        "proposal.withdraw",
        "proposal.accept",
      ]),
    );
    expect(history.proposals).toHaveLength(2);
    paragraphs = view.paragraphs;
  });

  it("rebuilds the text as it stood before the brackets", async () => {
    const [created] = (
      (await app.database.db.execute(
        `select min(at) as at from text_events where document_id = '${documentId}' and type = 'proposal.bracket'`,
      )) as unknown as { rows: { at: string }[] }
    ).rows;
    const before = new Date(new Date(created?.at as string).getTime() - 1).toISOString();
    const then = await ok(cast.russia, "GET", `/texts/${documentId}/as-of?at=${encodeURIComponent(before)}`);
    expect(then.version).toBe(1);
    expect(then.text).toContain("2. Emphasized the importance of the Constitutional Committee in Geneva.");
    expect(then.text).not.toContain("early resumption");
  });

  it("agrees the text ad referendum, collects every approval and adopts it, frozen", async () => {
    let version = (await text()).document.version;
    for (const paragraph of paragraphs) {
      version = (
        await ok(cast.as.secretariat, "POST", `/texts/${documentId}/paragraphs/${paragraph.id}/state`, {
          baseVersion: version,
          state: "ad_referendum",
        })
      ).version;
    }
    const clean = await ok(cast.russia, "GET", `/texts/${documentId}/clean`);
    expect(clean.paragraphs).toHaveLength(paragraphs.length);
    await ok(cast.russia, "POST", `/texts/${documentId}/approve`, { baseVersion: version });
    await ok(cast.turkiye, "POST", `/texts/${documentId}/approve`, { baseVersion: version });
    const missing = await call(cast.as.secretariat, "POST", `/texts/${documentId}/adopt`, {
      baseVersion: version,
    });
    expect(missing.statusCode).toBe(409);
    expect(missing.json().error.details.missingApprovals).toEqual([cast.participants.iran.id]);
    await ok(cast.iran, "POST", `/texts/${documentId}/approve`, { baseVersion: version });
    expect((await text()).can.adopt).toBe(false); // a guarantor does not hold the pen
    expect((await ok(cast.as.secretariat, "GET", `/texts/${documentId}`)).can.adopt).toBe(true);
    await ok(cast.as.secretariat, "POST", `/texts/${documentId}/adopt`, { baseVersion: version });
    const adopted = await text();
    expect(adopted.document.status).toBe("adopted");
    expect(adopted.document.adoptedBy.map((p: { name: string }) => p.name).sort()).toEqual([
      "Iran",
      "Russia",
      "Türkiye",
    ]);
    expect(adopted.paragraphs.every((p: Paragraph) => p.state === "agreed")).toBe(true);
    const frozen = await call(
      cast.as.secretariat,
      "PATCH",
      `/texts/${documentId}/paragraphs/${paragraphs[5]?.id}`,
      {
        baseVersion: version,
        body: "Changed after adoption.",
      },
    );
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.code).toBe("text_frozen");
    expect(await countRows(app, "text_document_versions")).toBe(1);
  });

  it("exports plain text numbered as diplomats write it", async () => {
    const response = await call(cast.russia, "GET", `/texts/${documentId}/export.txt`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/plain");
    expect(response.body).toContain("Reaffirming their strong commitment");
    expect(response.body).toContain("1. Reaffirmed their determination");
    expect(response.body).toContain("3. Decided to hold the next International Meeting");
  });

  it("is published by the secretariat only, then public with its date and adopters but not its negotiation", async () => {
    expect(
      (await call(cast.russia, "POST", `/texts/${documentId}/publish`, { baseVersion: 1 })).statusCode,
    ).toBe(403);
    const version = (await text()).document.version;
    await ok(cast.as.secretariat, "POST", `/texts/${documentId}/publish`, {
      baseVersion: version,
      publishedOn: "2025-05-21",
    });
    const seen = await ok(undefined, "GET", `/texts/${documentId}`);
    expect(seen.document).toMatchObject({ status: "published", tier: "public", publishedOn: "2025-05-21" });
    expect(seen.document.adoptedBy).toHaveLength(3);
    expect(seen.proposals).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain("Venue is not agreed");
    for (const who of [undefined, cast.as.party, cast.as.observer]) {
      expect((await call(who, "GET", `/texts/${documentId}/mine`)).statusCode).toBe(404);
      expect(
        (await call(who, "GET", `/texts/${documentId}/paragraphs/${paragraphs[5]?.id}/history`)).statusCode,
      ).toBe(404);
      expect((await call(who, "GET", `/texts/${documentId}/export.txt`)).body).toContain("early resumption");
    }
  });

  it("audited every proposal, position, edit and adoption", async () => {
    const result = (await app.database.db.execute(
      `select action, outcome, count(*)::int as n from audit_log where action like 'texts.%' group by action, outcome`,
    )) as unknown as { rows: { action: string; outcome: string; n: number }[] };
    const counts = Object.fromEntries(result.rows.map((row) => [`${row.action}:${row.outcome}`, row.n]));
    expect(counts["texts.proposal.submit:ok"]).toBe(3);
    expect(counts["texts.position.take:ok"]).toBe(4);
    expect(counts["texts.document.adopt:ok"]).toBe(1);
    expect(counts["texts.position.take:denied"]).toBeGreaterThanOrEqual(1);
  });
});
