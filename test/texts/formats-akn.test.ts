// Akoma Ntoso XML of the adopted (frozen) text: FRBR identification with the adoption date and the
// participants that adopted it, recitals and numbered paragraphs keeping the paragraphs' stable eIds.
import { DOMParser } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";
import { buildTextsCast, earlierStatement, type Paragraph, type TextsCast, textsApi } from "./helpers.ts";

let app: TestApp;
let fx: ProcessFixture;
let cast: TextsCast;
withProcessFixture((started) => ({ app, fx } = started));
const { call, ok } = textsApi(() => app);
const akn = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

describe("Akoma Ntoso export", () => {
  let documentId = "";
  let paragraphs: (Paragraph & { eId: string })[] = [];

  it("refuses before adoption (409), then exports the adopted text once it is adopted", async () => {
    cast = await buildTextsCast(app, fx);
    documentId = (
      await ok(cast.as.secretariat, "POST", `/rounds/${cast.roundId}/texts`, {
        kind: "joint_statement",
        title: "Joint Statement & <Declaration> of round 23",
        plainText: earlierStatement,
      })
    ).id;
    const early = await call(cast.russia, "GET", `/texts/${documentId}/export?format=akn`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe("not_adopted");
    paragraphs = (await ok(cast.russia, "GET", `/texts/${documentId}`)).paragraphs;
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
  });

  it("has the AKN structure, FRBR identification and the paragraphs' stable eIds", async () => {
    const response = await call(cast.turkiye, "GET", `/texts/${documentId}/export?format=akn`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toBe("application/akn+xml; charset=utf-8");
    expect(response.headers["content-disposition"]).toMatch(/filename=".*\.akn\.xml"/);
    const errors: string[] = [];
    const xml = new DOMParser({
      errorHandler: (level: string, message: unknown) => errors.push(`${level}: ${String(message)}`),
    }).parseFromString(response.body, "text/xml");
    expect(errors).toEqual([]);
    const root = xml.documentElement as Element;
    expect([root.localName, root.namespaceURI]).toEqual(["akomaNtoso", akn]);
    const statement = root.getElementsByTagNameNS(akn, "statement")[0] as Element;
    expect(statement).toBeDefined();
    const all = (name: string, within: Element = statement) =>
      Array.from(within.getElementsByTagNameNS(akn, name));
    const work = all("FRBRWork")[0] as Element;
    const today = new Date().toISOString().slice(0, 10);
    expect(all("FRBRdate", work)[0]?.getAttribute("date")).toBe(today);
    expect(all("FRBRauthor", work)).toHaveLength(3);
    expect(all("FRBRExpression")).toHaveLength(1);
    expect(all("FRBRlanguage")[0]?.getAttribute("language")).toBe("eng");
    expect(all("FRBRManifestation")).toHaveLength(1);
    expect(
      all("TLCOrganization")
        .map((o) => o.getAttribute("showAs"))
        .sort(),
    ).toEqual(["Astana platform", "Iran", "Russia", "Türkiye"]);
    expect(all("docTitle")[0]?.textContent).toBe("Joint Statement & <Declaration> of round 23");
    const preambular = paragraphs.filter((p) => p.kind === "preambular");
    expect(all("recital").map((r) => r.getAttribute("eId"))).toEqual(preambular.map((p) => p.eId));
    expect(all("recital")[0]?.textContent).toBe(preambular[0]?.body);
    const mainBody = all("mainBody")[0] as Element;
    const operative = paragraphs.filter((p) => p.kind === "operative");
    const numbered = all("paragraph", mainBody);
    expect(numbered.map((p) => p.getAttribute("eId"))).toEqual(operative.map((p) => p.eId));
    expect(numbered.map((p) => all("num", p)[0]?.textContent)).toEqual(["1.", "2.", "3."]);
    expect(all("content", numbered[2] as Element)[0]?.textContent).toBe(operative[2]?.body);
  });

  it("is the same frozen text once published, now for the public, with its publication date", async () => {
    const before = (await call(cast.turkiye, "GET", `/texts/${documentId}/export?format=akn`)).body;
    await ok(cast.as.secretariat, "POST", `/texts/${documentId}/publish`, {
      baseVersion: (await ok(cast.russia, "GET", `/texts/${documentId}`)).document.version,
      publishedOn: new Date().toISOString().slice(0, 10),
    });
    const published = await call(undefined, "GET", `/texts/${documentId}/export?format=akn`);
    expect(published.statusCode).toBe(200);
    expect(published.body.replace(/<publication[^>]*>/, "")).toBe(before.replace(/<publication[^>]*>/, ""));
    expect(published.body).toContain('name="publication"');
  });
});
