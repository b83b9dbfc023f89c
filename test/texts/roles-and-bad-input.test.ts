// Each role against each operation on a negotiated text, and the bad input the issue names.
import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { expectError } from "../helpers/error-shape.ts";
import { countRows, type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";
import { buildTextsCast, earlierStatement, type TextsCast, textsApi } from "./helpers.ts";

let app: TestApp;
let fx: ProcessFixture;
let cast: TextsCast;
withProcessFixture((started) => ({ app, fx } = started));

const { call, ok } = textsApi(() => app);

async function newStatement(extra: Record<string, unknown> = {}) {
  const created = await ok(cast.as.secretariat, "POST", `/rounds/${cast.roundId}/texts`, {
    kind: "joint_statement",
    title: "Draft",
    plainText: earlierStatement,
    ...extra,
  });
  const view = await ok(cast.as.secretariat, "GET", `/texts/${created.id}`);
  return { id: created.id as string, view };
}

type Who =
  | "secretariat"
  | "guarantor"
  | "turkiye"
  | "party"
  | "observer"
  | "io"
  | "monitor"
  | "admin"
  | "public";
const everyone: Who[] = [
  "secretariat",
  "guarantor",
  "turkiye",
  "party",
  "observer",
  "io",
  "monitor",
  "admin",
  "public",
];
const cookie = (who: Who) => (who === "turkiye" ? cast.turkiye : who === "public" ? undefined : cast.as[who]);

type Case = {
  name: string;
  allowed: Who[];
  prepare: () => Promise<{ method: "POST" | "PATCH"; url: string; payload: unknown }>;
};

describe("negotiated texts: who may do what", () => {
  it("builds the cast", async () => {
    cast = await buildTextsCast(app, fx);
  });

  const cases: Case[] = [
    {
      name: "texts.document.create",
      allowed: ["secretariat"],
      prepare: async () => ({
        method: "POST",
        url: `/rounds/${cast.roundId}/texts`,
        payload: { kind: "memorandum", title: "Memo" },
      }),
    },
    {
      name: "texts.paragraph.add",
      allowed: ["secretariat"],
      prepare: async () => {
        const { id } = await newStatement();
        return {
          method: "POST",
          url: `/texts/${id}/paragraphs`,
          payload: { baseVersion: 1, kind: "operative", body: "Agreed." },
        };
      },
    },
    {
      name: "texts.paragraph.edit",
      allowed: ["secretariat"],
      prepare: async () => {
        const { id, view } = await newStatement();
        return {
          method: "PATCH",
          url: `/texts/${id}/paragraphs/${view.paragraphs[5].id}`,
          payload: { baseVersion: 1, body: "Reworded." },
        };
      },
    },
    {
      name: "texts.proposal.submit",
      allowed: ["guarantor", "turkiye"],
      prepare: async () => {
        const { id, view } = await newStatement();
        return {
          method: "POST",
          url: `/texts/${id}/proposals`,
          payload: { baseVersion: 1, kind: "delete", paragraphId: view.paragraphs[7].id },
        };
      },
    },
    {
      name: "texts.proposal.decide",
      allowed: ["secretariat"],
      prepare: async () => {
        const { id, view } = await newStatement();
        const proposal = await ok(cast.russia, "POST", `/texts/${id}/proposals`, {
          baseVersion: 1,
          kind: "delete",
          paragraphId: view.paragraphs[7].id,
        });
        return {
          method: "POST",
          url: `/texts/${id}/proposals/${proposal.id}/decide`,
          payload: { baseVersion: 1, decision: "reject" },
        };
      },
    },
    {
      name: "texts.proposal.withdraw",
      allowed: ["guarantor"],
      prepare: async () => {
        const { id, view } = await newStatement();
        const proposal = await ok(cast.russia, "POST", `/texts/${id}/proposals`, {
          baseVersion: 1,
          kind: "delete",
          paragraphId: view.paragraphs[7].id,
        });
        return {
          method: "POST",
          url: `/texts/${id}/proposals/${proposal.id}/withdraw`,
          payload: { baseVersion: 1 },
        };
      },
    },
    {
      name: "texts.position.take",
      allowed: ["guarantor", "turkiye"],
      prepare: async () => {
        const { id, view } = await newStatement();
        const proposal = await ok(cast.russia, "POST", `/texts/${id}/proposals`, {
          baseVersion: 1,
          kind: "delete",
          paragraphId: view.paragraphs[7].id,
        });
        await ok(cast.as.secretariat, "POST", `/texts/${id}/proposals/${proposal.id}/decide`, {
          baseVersion: 1,
          decision: "bracket",
        });
        const bracketed = await ok(cast.russia, "GET", `/texts/${id}`);
        const segment = bracketed.paragraphs[7].segments[0];
        return {
          method: "POST",
          url: `/texts/${id}/positions`,
          payload: { baseVersion: 2, optionId: segment.options[0].id, stance: "supports" },
        };
      },
    },
    {
      name: "texts.document.approve",
      allowed: ["guarantor", "turkiye"],
      prepare: async () => {
        const { id } = await newStatement();
        return { method: "POST", url: `/texts/${id}/approve`, payload: { baseVersion: 1 } };
      },
    },
    {
      name: "texts.document.adopt",
      allowed: ["secretariat"],
      prepare: async () => {
        const { id } = await newStatement();
        for (const who of [cast.russia, cast.turkiye, cast.iran])
          await ok(who, "POST", `/texts/${id}/approve`, { baseVersion: 1 });
        return { method: "POST", url: `/texts/${id}/adopt`, payload: { baseVersion: 1 } };
      },
    },
    {
      name: "texts.document.publish",
      allowed: ["secretariat"],
      prepare: async () => {
        const { id } = await newStatement();
        for (const who of [cast.russia, cast.turkiye, cast.iran])
          await ok(who, "POST", `/texts/${id}/approve`, { baseVersion: 1 });
        await ok(cast.as.secretariat, "POST", `/texts/${id}/adopt`, { baseVersion: 1 });
        return { method: "POST", url: `/texts/${id}/publish`, payload: { baseVersion: 1 } };
      },
    },
  ];

  for (const operation of cases) {
    it(`${operation.name}: only ${operation.allowed.join(", ")}`, async () => {
      const request = await operation.prepare();
      for (const who of everyone.filter((role) => !operation.allowed.includes(role))) {
        const response = await call(cookie(who), request.method, request.url, request.payload);
        expect([401, 403, 404], `${who}: ${response.statusCode} ${response.body}`).toContain(
          response.statusCode,
        );
        expectError(response, response.statusCode);
        // Those outside the draft learn nothing: the same 404 as for a text that does not exist.
        if (
          ["party", "observer", "io", "monitor", "admin"].includes(who) &&
          operation.name !== "texts.document.create"
        )
          expect(response.statusCode, who).toBe(404);
      }
      const [first] = operation.allowed;
      const done = await call(cookie(first as Who), request.method, request.url, request.payload);
      expect(done.statusCode, done.body).toBeLessThan(300);
    });
  }
});

describe("negotiated texts: bad input", () => {
  it("refuses a proposal against a removed paragraph, writing nothing", async () => {
    const { id, view } = await newStatement();
    const target = view.paragraphs[7];
    await ok(cast.as.secretariat, "POST", `/texts/${id}/paragraphs/${target.id}/remove`, { baseVersion: 1 });
    const before = await countRows(app, "text_proposals");
    const response = await call(cast.russia, "POST", `/texts/${id}/proposals`, {
      baseVersion: 2,
      kind: "replace",
      paragraphId: target.id,
      start: 0,
      end: 7,
      text: "Agreed",
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("paragraph_removed");
    expect(response.json().error.message).toContain("removed");
    expect(await countRows(app, "text_proposals")).toBe(before);
  });

  it("refuses a proposal against a paragraph changed since its version, with the current text", async () => {
    const { id, view } = await newStatement();
    await ok(cast.as.secretariat, "PATCH", `/texts/${id}/paragraphs/${view.paragraphs[6].id}`, {
      baseVersion: 1,
      body: "Emphasized the Committee.",
    });
    const stale = await call(cast.turkiye, "POST", `/texts/${id}/proposals`, {
      baseVersion: 1,
      kind: "replace",
      paragraphId: view.paragraphs[6].id,
      start: 0,
      end: 10,
      text: "Stressed",
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("stale_version");
    expect(JSON.stringify(stale.json().error.details.current)).toContain("Emphasized the Committee.");
    const fresh = await call(cast.turkiye, "POST", `/texts/${id}/proposals`, {
      baseVersion: 2,
      kind: "replace",
      paragraphId: view.paragraphs[6].id,
      start: 0,
      end: 10,
      text: "Stressed",
    });
    expect(fresh.statusCode, fresh.body).toBe(200);
  });

  it("refuses a position by a delegation that reads the draft but is outside the rule", async () => {
    const { id, view } = await newStatement({
      kind: "regulations",
      tier: "observers-excluded",
      rule: ["guarantor"],
    });
    const proposal = await ok(cast.as.party, "POST", `/texts/${id}/proposals`, {
      baseVersion: 1,
      kind: "delete",
      paragraphId: view.paragraphs[7].id,
    });
    await ok(cast.as.secretariat, "POST", `/texts/${id}/proposals/${proposal.id}/decide`, {
      baseVersion: 1,
      decision: "bracket",
    });
    const bracket = (await ok(cast.as.party, "GET", `/texts/${id}`)).paragraphs[7].segments[0];
    expect(bracket.options[1].proposedBy[0].name).toBe("Syrian government");
    const before = await countRows(app, "text_positions");
    const refused = await call(cast.as.party, "POST", `/texts/${id}/positions`, {
      baseVersion: 2,
      optionId: bracket.options[1].id,
      stance: "supports",
    });
    expect(refused.statusCode).toBe(403);
    expectError(refused, 403, "forbidden");
    expect((await call(cast.as.party, "POST", `/texts/${id}/approve`, { baseVersion: 2 })).statusCode).toBe(
      403,
    );
    expect(await countRows(app, "text_positions")).toBe(before);
    // The observer is outside the tier altogether.
    expect((await call(cast.as.observer, "GET", `/texts/${id}`)).statusCode).toBe(404);
  });

  it("refuses a rule its own draft's tier would hide, and a span outside the paragraph", async () => {
    const hidden = await call(cast.as.secretariat, "POST", `/rounds/${cast.roundId}/texts`, {
      kind: "joint_statement",
      title: "X",
      rule: ["party"],
    });
    expect(hidden.statusCode).toBe(422);
    expect(hidden.json().error.details.issues[0].path).toEqual(["rule"]);
    const { id, view } = await newStatement();
    const outside = await call(cast.russia, "POST", `/texts/${id}/proposals`, {
      baseVersion: 1,
      kind: "replace",
      paragraphId: view.paragraphs[5].id,
      start: 5,
      end: 5000,
      text: "x",
    });
    expect(outside.statusCode).toBe(422);
  });

  it("refuses a pasted 5 MB text (413) and a 600,000-character one (400), creating nothing", async () => {
    const before = await countRows(app, "text_documents");
    const huge = await call(cast.as.secretariat, "POST", `/rounds/${cast.roundId}/texts`, {
      kind: "joint_statement",
      title: "Huge",
      plainText: "1. Decided.\n".repeat(440_000),
    });
    expect(huge.statusCode).toBe(413);
    expectError(huge, 413);
    const large = await call(cast.as.secretariat, "POST", `/rounds/${cast.roundId}/texts`, {
      kind: "joint_statement",
      title: "Large",
      plainText: "x".repeat(600_000),
    });
    expect(large.statusCode).toBe(400);
    expect(JSON.stringify(large.json().error.details)).toContain("500,000");
    expect(await countRows(app, "text_documents")).toBe(before);
  });

  it("keeps mixed-direction text (Arabic with Latin numbers) intact, and splits an Arabic statement", async () => {
    const arabic = [
      "إذ تؤكد التزامها القوي بسيادة الجمهورية العربية السورية،",
      "1. أكدت على قرار مجلس الأمن 2254 (2015) والفقرة 3 منه.",
      "2. قررت عقد الاجتماع الدولي الـ24 في أستانا في النصف الثاني من عام 2025.",
    ].join("\n");
    const created = await ok(cast.as.secretariat, "POST", `/rounds/${cast.roundId}/texts`, {
      kind: "joint_statement",
      title: "البيان المشترك",
      language: "ar",
      plainText: arabic,
    });
    const view = await ok(cast.iran, "GET", `/texts/${created.id}`);
    expect(view.paragraphs.map((p: { kind: string; number: string | null }) => [p.kind, p.number])).toEqual([
      ["preambular", null],
      ["operative", "1."],
      ["operative", "2."],
    ]);
    expect(view.paragraphs[1].body).toBe("أكدت على قرار مجلس الأمن 2254 (2015) والفقرة 3 منه.");
    const mixed = "\u200Fقرار 2254 (2015) — UNSC, para. 3\u200F";
    const added = await ok(cast.as.secretariat, "POST", `/texts/${created.id}/paragraphs`, {
      baseVersion: 1,
      kind: "operative",
      body: mixed,
    });
    const again = await ok(cast.iran, "GET", `/texts/${created.id}`);
    expect(again.paragraphs.find((p: { id: string }) => p.id === added.id).body).toBe(mixed);
    const exported = await call(cast.iran, "GET", `/texts/${created.id}/export.txt`);
    expect(exported.body).toContain(`3. ${mixed}`);
  });
});
