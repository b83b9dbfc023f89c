// The adopted text as Akoma Ntoso 3.0 XML (OASIS LegalDocML): a `statement` with its FRBR
// identification (work, expression, manifestation, with the adoption date and the participants that
// adopted it), the title in the preface, preambular paragraphs as recitals, operative paragraphs as
// `paragraph`s numbered, each keeping the paragraph's stable eId.
import type { AdoptedText } from "./export-model.ts";

const namespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
const languageCodes = { en: "eng", ru: "rus", ar: "ara" } as const;

/** Text made safe for XML: the five special characters escaped, characters XML forbids dropped. */
function xml(text: string): string {
  return text
    .toWellFormed()
    .replace(/[\p{Cc}\uFFFE\uFFFF]/gu, (char) => ("\t\n\r".includes(char) ? char : ""))
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** An identifier usable as an eId or a reference (`#russia`): letters, digits, underscores. */
function token(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .toLowerCase() || "participant"
  );
}

/** The adopted text as an Akoma Ntoso document; AKN names the document type `statement`. */
export function exportAkomaNtoso(text: AdoptedText): string {
  const date = text.adoptedAt.toISOString().slice(0, 10);
  const work = `/akn/int/statement/${token(text.kind)}/${date}/${text.documentId}`;
  const expression = `${work}/${languageCodes[text.language]}@${date}`;
  const manifestation = `${expression}/!main.xml`;
  const generated = new Date().toISOString().slice(0, 10);
  const adopters = text.adoptedBy.map((participant, index) => ({
    ...participant,
    ref: `${token(participant.name)}_${index + 1}`,
  }));
  const authors = adopters.map((a) => `<FRBRauthor href="#${a.ref}" as="#adopter"/>`).join("");
  const frbr = (kind: string, uri: string, extra: string) =>
    `<FRBR${kind}><FRBRthis value="${xml(kind === "Manifestation" ? uri : `${uri}/!main`)}"/><FRBRuri value="${xml(uri)}"/>${extra}</FRBR${kind}>`;
  const body = (p: { body: string }) => `<p>${xml(p.body)}</p>`;
  const preamble: string[] = [];
  const main: string[] = [];
  for (const paragraph of text.paragraphs) {
    const eId = xml(paragraph.eId);
    if (paragraph.kind === "preambular") preamble.push(`<recital eId="${eId}">${body(paragraph)}</recital>`);
    else if (paragraph.kind === "operative")
      main.push(
        `<paragraph eId="${eId}"><num>${xml(paragraph.number ?? "")}</num><content>${body(paragraph)}</content></paragraph>`,
      );
    else if (paragraph.kind === "heading")
      main.push(`<hcontainer eId="${eId}" name="chapeau"><content>${body(paragraph)}</content></hcontainer>`);
    else
      main.push(
        `<hcontainer eId="${eId}" name="annex">${paragraph.number ? `<num>${xml(paragraph.number)}</num>` : ""}<content>${body(paragraph)}</content></hcontainer>`,
      );
  }
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<akomaNtoso xmlns="${namespace}">`,
    `<statement name="${xml(token(text.kind))}">`,
    `<meta>`,
    `<identification source="#astana">`,
    frbr(
      "Work",
      work,
      `<FRBRdate date="${date}" name="adoption"/>${authors}<FRBRcountry value="int"/><FRBRname value="${xml(text.title)}"/>`,
    ),
    frbr(
      "Expression",
      expression,
      `<FRBRdate date="${date}" name="adoption"/>${authors}<FRBRlanguage language="${languageCodes[text.language]}"/>`,
    ),
    frbr(
      "Manifestation",
      manifestation,
      `<FRBRdate date="${generated}" name="generation"/><FRBRauthor href="#astana" as="#publisher"/><FRBRformat value="application/akn+xml"/>`,
    ),
    `</identification>`,
    `<publication date="${text.publishedOn ?? date}" name="${text.publishedOn ? "publication" : "adoption"}" showAs="${xml(text.title)}"/>`,
    `<lifecycle source="#astana"><eventRef eId="evt_adoption" date="${date}" source="#adoption" type="generation" refersTo="#version_${text.version}"/></lifecycle>`,
    `<references source="#astana">`,
    `<original eId="adoption" href="${xml(expression)}" showAs="${xml(`Adopted text, version ${text.version}`)}"/>`,
    `<TLCOrganization eId="astana" href="/ontology/organization/astana" showAs="Astana platform"/>`,
    ...adopters.map(
      (a) =>
        `<TLCOrganization eId="${a.ref}" href="/ontology/organization/${xml(a.id)}" showAs="${xml(a.name)}"/>`,
    ),
    `<TLCRole eId="adopter" href="/ontology/role/adopter" showAs="Adopted by"/>`,
    `<TLCRole eId="publisher" href="/ontology/role/publisher" showAs="Published by"/>`,
    `</references>`,
    `</meta>`,
    `<preface><p><docTitle>${xml(text.title)}</docTitle></p></preface>`,
    preamble.length > 0 ? `<preamble><recitals>${preamble.join("")}</recitals></preamble>` : "",
    `<mainBody>${main.join("") || "<p/>"}</mainBody>`,
    `</statement>`,
    `</akomaNtoso>`,
    "",
  ].join("\n");
}
