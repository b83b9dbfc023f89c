// The trilogue layout a delegate reads: each paragraph with its text, the proposals on it, the
// pen-holder's compromise and the comments; who may write a compromise or a comment; every change audited.
import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";
import { buildTextsCast, earlierStatement, type TextsCast, textsApi } from "./helpers.ts";

let app: TestApp;
let fx: ProcessFixture;
let cast: TextsCast;
withProcessFixture((started) => ({ app, fx } = started));
const { call, ok } = textsApi(() => app);

type Row = {
  paragraph: { id: string; number: string | null; body: string; segments: { kind: string }[] };
  proposals: { author: { name: string }; rationale: string | null; state: string; text: string | null }[];
  compromise: { body: string; note: string | null; author: { name: string } | null } | null;
  earlierCompromises: { body: string }[];
  comments: { author: { name: string }; person: string; body: string }[];
};

describe("four-column view", () => {
  let documentId = "";
  let rows: Row[] = [];
  const view = (as: string | undefined = cast.russia) => ok(as, "GET", `/texts/${documentId}/four-column`);
  const operative = (number: string) => rows.find((row) => row.paragraph.number === number) as Row;

  it("puts each proposal beside the paragraph it is about, with author, rationale and state", async () => {
    cast = await buildTextsCast(app, fx);
    documentId = (
      await ok(cast.as.secretariat, "POST", `/rounds/${cast.roundId}/texts`, {
        kind: "joint_statement",
        title: "Four columns",
        plainText: earlierStatement,
      })
    ).id;
    rows = (await view()).rows;
    const second = operative("2.");
    const replace = await ok(cast.russia, "POST", `/texts/${documentId}/proposals`, {
      baseVersion: 1,
      kind: "replace",
      paragraphId: second.paragraph.id,
      start: 0,
      end: 10,
      text: "Underlined",
      rationale: "Stronger wording.",
    });
    await ok(cast.turkiye, "POST", `/texts/${documentId}/proposals`, {
      baseVersion: 1,
      kind: "delete",
      paragraphId: second.paragraph.id,
      rationale: "Not needed this round.",
    });
    await ok(cast.as.secretariat, "POST", `/texts/${documentId}/proposals/${replace.id}/decide`, {
      baseVersion: 1,
      decision: "bracket",
    });
    const current = await view(cast.iran);
    rows = current.rows;
    const row = operative("2.");
    expect(row.proposals.map((p) => [p.author.name, p.rationale, p.state])).toEqual([
      ["Russia", "Stronger wording.", "bracketed"],
      ["Türkiye", "Not needed this round.", "open"],
    ]);
    expect(row.paragraph.segments.some((segment) => segment.kind === "bracket")).toBe(true);
    expect(operative("1.").proposals).toEqual([]);
    expect(current.can).toEqual({ comment: true, compromise: false });
    expect((await view(cast.as.secretariat)).can).toEqual({ comment: true, compromise: true });
  });

  it("shows the pen-holder's compromise (the newest, earlier ones kept), refused to a guarantor", async () => {
    const paragraphId = operative("2.").paragraph.id;
    const version = (await ok(cast.russia, "GET", `/texts/${documentId}`)).document.version;
    const url = `/texts/${documentId}/paragraphs/${paragraphId}/compromise`;
    await ok(cast.as.secretariat, "POST", url, { baseVersion: version, body: "Emphasized the Committee." });
    await ok(cast.as.secretariat, "POST", url, {
      baseVersion: version,
      body: "Emphasized the importance of the Committee.",
      note: "Between Russia's and Türkiye's.",
    });
    const refused = await call(cast.russia, "POST", url, { baseVersion: version, body: "Mine." });
    expect(refused.statusCode).toBe(403);
    const stale = await call(cast.as.secretariat, "POST", url, { baseVersion: version - 1, body: "Old." });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("stale_version");
    rows = (await view()).rows;
    expect(operative("2.").compromise).toMatchObject({
      body: "Emphasized the importance of the Committee.",
      note: "Between Russia's and Türkiye's.",
      author: { name: "Kazakhstan" },
    });
    expect(operative("2.").earlierCompromises.map((c) => c.body)).toEqual(["Emphasized the Committee."]);
    // A compromise is not the text: the version does not move.
    expect((await ok(cast.russia, "GET", `/texts/${documentId}`)).document.version).toBe(version);
  });

  it("records each delegation's comment under its name, never a party's", async () => {
    const paragraphId = operative("3.").paragraph.id;
    const url = `/texts/${documentId}/paragraphs/${paragraphId}/comments`;
    await ok(cast.iran, "POST", url, { body: "The date should be agreed in capitals." });
    await ok(cast.as.secretariat, "POST", url, { body: "Astana is ready to host." });
    for (const who of [cast.as.party, cast.as.observer, undefined]) {
      const refused = await call(who, "POST", url, { body: "Let us in." });
      expect([401, 404]).toContain(refused.statusCode);
    }
    const empty = await call(cast.iran, "POST", url, { body: "   " });
    expect(empty.statusCode).toBe(400);
    rows = (await view(cast.turkiye)).rows;
    expect(operative("3.").comments.map((c) => [c.author.name, c.body])).toEqual([
      ["Iran", "The date should be agreed in capitals."],
      ["Kazakhstan", "Astana is ready to host."],
    ]);
    expect(operative("3.").comments[0]?.person).toBeTruthy();
  });

  it("audits compromises and comments at the draft's tier", async () => {
    const audit = await app.deps.db.execute(
      `select action, tier from audit_log where subject_id = '${documentId}' and outcome = 'ok' and action in ('texts.compromise.set', 'texts.comment.add') order by seq`,
    );
    const rowsOf = (audit as unknown as { rows: { action: string; tier: string }[] }).rows;
    expect(rowsOf.map((r) => r.action)).toEqual([
      "texts.compromise.set",
      "texts.compromise.set",
      "texts.comment.add",
      "texts.comment.add",
    ]);
    expect(new Set(rowsOf.map((r) => r.tier))).toEqual(new Set(["guarantors"]));
  });

  it("is the draft's: a party, an observer and the public get 404 and learn nothing", async () => {
    for (const who of [cast.as.party, cast.as.observer, undefined]) {
      const response = await call(who, "GET", `/texts/${documentId}/four-column`);
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain("Committee");
    }
  });
});
