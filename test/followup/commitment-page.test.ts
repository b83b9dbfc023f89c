// A commitment's page as its readers see it: made from an adopted text's operative paragraph, it names
// that paragraph (the text's title and the paragraph's number) to whoever may read the text — the public
// once the text is published, not before; who recorded each status update (an account's address) is
// shown to the process's delegations, never to the public.
import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";
import {
  buildTextsCast,
  earlierStatement,
  type Paragraph,
  type TextsCast,
  textsApi,
} from "../texts/helpers.ts";

let app: TestApp;
let fx: ProcessFixture;
let cast: TextsCast;
withProcessFixture((started) => ({ app, fx } = started));
const { call, ok } = textsApi(() => app);

type Commitment = {
  paragraphId: string | null;
  paragraph: { documentId: string; title: string; number: string | null } | null;
  updates: { status: string; by: string | null }[];
};

describe("a commitment from an adopted text's paragraph", () => {
  let documentId = "";
  let commitmentId = "";
  let operative: Paragraph | undefined;

  it("names the paragraph it comes from to the process's delegations, with who recorded its updates", async () => {
    cast = await buildTextsCast(app, fx);
    documentId = (
      await ok(cast.as.secretariat, "POST", `/rounds/${cast.roundId}/texts`, {
        kind: "joint_statement",
        title: "Joint Statement of round 23",
        plainText: earlierStatement,
      })
    ).id;
    const paragraphs = (await ok(cast.russia, "GET", `/texts/${documentId}`)).paragraphs as Paragraph[];
    let version = 1;
    for (const paragraph of paragraphs)
      version = (
        await ok(cast.as.secretariat, "POST", `/texts/${documentId}/paragraphs/${paragraph.id}/state`, {
          baseVersion: version,
          state: "agreed",
        })
      ).version;
    for (const who of [cast.russia, cast.turkiye, cast.iran])
      await ok(who, "POST", `/texts/${documentId}/approve`, { baseVersion: version });
    await ok(cast.as.secretariat, "POST", `/texts/${documentId}/adopt`, { baseVersion: version });
    operative = paragraphs.filter((paragraph) => paragraph.kind === "operative")[1];
    commitmentId = (
      await ok(cast.as.secretariat, "POST", `/processes/${fx.slug}/commitments`, {
        documentId,
        paragraphId: operative?.id,
        category: "political_process",
        tier: "public",
      })
    ).id;
    await ok(cast.as.secretariat, "POST", `/commitments/${commitmentId}/updates`, {
      status: "in_progress",
      evidence: "The Constitutional Committee met in Geneva.",
      sources: [{ url: "https://example.org/geneva" }],
    });

    const seen = (await ok(cast.russia, "GET", `/commitments/${commitmentId}`)) as Commitment;
    expect(seen.paragraph).toEqual({
      documentId,
      title: "Joint Statement of round 23",
      number: operative?.number,
    });
    expect(seen.paragraph?.number).toBe("2.");
    expect(seen.updates.map((update) => update.by)).toEqual([
      "secretariat@example.org",
      "secretariat@example.org",
    ]);
  });

  it("shows the public neither the unpublished text nor any address; the paragraph once the text is published", async () => {
    const before = (await ok(undefined, "GET", `/commitments/${commitmentId}`)) as Commitment;
    expect(before.paragraph).toBeNull();
    expect(before.paragraphId).toBe(operative?.id);
    expect(before.updates.map((update) => update.by)).toEqual([null, null]);
    const tracker = await ok(undefined, "GET", `/processes/${fx.slug}/commitments`);
    expect(JSON.stringify(tracker)).not.toContain("@example.org");

    const text = await ok(cast.as.secretariat, "GET", `/texts/${documentId}`);
    await ok(cast.as.secretariat, "POST", `/texts/${documentId}/publish`, {
      baseVersion: text.document.version,
    });
    const after = (await ok(undefined, "GET", `/commitments/${commitmentId}`)) as Commitment;
    expect(after.paragraph).toMatchObject({ documentId, number: "2." });
    expect((await call(undefined, "GET", `/texts/${documentId}`)).statusCode).toBe(200);
    expect(JSON.stringify(after)).not.toContain("@example.org");
  });
});
