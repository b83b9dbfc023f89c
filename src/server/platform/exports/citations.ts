// Citations of a record in the three formats reference managers read (Zotero, Mendeley, EndNote,
// BibTeX/biblatex): CSL-JSON, BibTeX and RIS. Small serializers of our own: what a record of the
// platform is (a page of a public record resting on sources) is ours to say, and each format is a
// few lines of well-specified text.

/** A source a cited record rests on, as the citation lists it. */
export type CitedSource = {
  title: string | null;
  url: string;
  publisher: string | null;
  published: string | null;
};

/** Anything the platform can cite: a record's page, a fact on it, a source. */
export type Citable = {
  /** A stable key of ASCII letters, digits and hyphens (the BibTeX key, the CSL id). */
  key: string;
  /** What it is: a page of the record, or a source (a press report, a statement). */
  kind: "record" | "source";
  title: string;
  url: string;
  /** When it happened or was published: YYYY-MM-DD, YYYY-MM or YYYY; null when not known. */
  issued: string | null;
  /** The day the reader took it from the platform (YYYY-MM-DD). */
  accessed: string;
  /** Who publishes it: the platform's record, or the source's publisher. */
  publisher: string | null;
  /** The collection it belongs to (the process's record). */
  containerTitle: string | null;
  language: string | null;
  /** The sources the record rests on (none for a source itself). */
  sources: CitedSource[];
};

export const citationFormats = ["csl", "bibtex", "ris"] as const;
export type CitationFormat = (typeof citationFormats)[number];

function dateParts(date: string): number[] {
  return date.split("-").map((part) => Number(part));
}

function describeSource(source: CitedSource): string {
  const parts = [source.title ?? source.url, source.publisher, source.published, source.url];
  return [...new Set(parts.filter((part): part is string => Boolean(part)))].join(", ");
}

/** The sentence listing the sources, for the formats that have no field for them. */
function sourcesNote(sources: CitedSource[]): string | null {
  if (sources.length === 0) return null;
  return `Sources: ${sources.map(describeSource).join("; ")}`;
}

/** CSL-JSON (Citation Style Language), one item in an array, as Zotero and pandoc import it. */
export function toCslJson(work: Citable): string {
  const note = sourcesNote(work.sources);
  const item = {
    id: work.key,
    type: work.kind === "source" ? "article-newspaper" : "webpage",
    title: work.title,
    URL: work.url,
    ...(work.issued ? { issued: { "date-parts": [dateParts(work.issued)] } } : {}),
    accessed: { "date-parts": [dateParts(work.accessed)] },
    ...(work.publisher ? { publisher: work.publisher } : {}),
    ...(work.containerTitle ? { "container-title": work.containerTitle } : {}),
    ...(work.language ? { language: work.language } : {}),
    ...(note ? { note, references: work.sources.map((source) => source.url).join("\n") } : {}),
  };
  return `${JSON.stringify([item], null, 2)}\n`;
}

const latexSpecials: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  "&": "\\&",
  "%": "\\%",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
};

/** Text for a BibTeX field: LaTeX's special characters escaped, lines joined (UTF-8 kept for biber). */
export function bibtexText(text: string): string {
  return text.replace(/\s+/g, " ").replace(/[\\{}&%$#_~^]/g, (char) => latexSpecials[char] ?? char);
}

/** An address for BibTeX's verbatim `url` field: no braces or spaces that would end it. */
function bibtexUrl(url: string): string {
  return url.replace(/[{}\s]/g, (char) => encodeURIComponent(char));
}

/** BibTeX (@misc, with biblatex's `date` and `urldate` beside classic `year`, `month` and `note`). */
export function toBibtex(work: Citable): string {
  const [year, month] = work.issued ? work.issued.split("-") : [];
  const note = [sourcesNote(work.sources), `Accessed ${work.accessed}`].filter(Boolean).join(". ");
  const fields: [string, string][] = [
    ["title", `{${bibtexText(work.title)}}`],
    ["howpublished", `\\url{${bibtexUrl(work.url)}}`],
    ["url", bibtexUrl(work.url)],
    ...(work.issued ? ([["date", work.issued]] as [string, string][]) : []),
    ...(year ? ([["year", year]] as [string, string][]) : []),
    ...(month ? ([["month", String(Number(month))]] as [string, string][]) : []),
    ["urldate", work.accessed],
    ...(work.publisher ? ([["organization", bibtexText(work.publisher)]] as [string, string][]) : []),
    ...(work.containerTitle ? ([["series", bibtexText(work.containerTitle)]] as [string, string][]) : []),
    ...(work.language ? ([["language", bibtexText(work.language)]] as [string, string][]) : []),
    ["note", bibtexText(note)],
  ];
  const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(",\n");
  return `@misc{${work.key},\n${body}\n}\n`;
}

/** A RIS value: one line, no tag separator confusion. */
function risValue(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** RIS (Research Information Systems), CRLF lines `TAG  - value`, as EndNote and Zotero import it. */
export function toRis(work: Citable): string {
  const risDate = (date: string) => {
    const [year = "", month = "", day = ""] = date.split("-");
    return `${year}/${month}/${day}/`;
  };
  const lines: [string, string][] = [
    ["TY", work.kind === "source" ? "NEWS" : "ELEC"],
    ["ID", work.key],
    ["TI", work.title],
    ["UR", work.url],
    ...(work.issued
      ? ([
          ["PY", work.issued.slice(0, 4)],
          ["DA", risDate(work.issued)],
        ] as [string, string][])
      : []),
    ["Y2", risDate(work.accessed)],
    ...(work.publisher ? ([["PB", work.publisher]] as [string, string][]) : []),
    ...(work.containerTitle ? ([["T2", work.containerTitle]] as [string, string][]) : []),
    ...(work.language ? ([["LA", work.language]] as [string, string][]) : []),
    ...work.sources.map((source) => ["N1", `Source: ${describeSource(source)}`] as [string, string]),
    ["ER", ""],
  ];
  return `${lines.map(([tag, value]) => `${tag}  - ${risValue(value)}`).join("\r\n")}\r\n`;
}

/** The citation in a format, with the media type and file extension reference managers expect. */
export function formatCitation(
  work: Citable,
  format: CitationFormat,
): { body: string; mediaType: string; extension: string } {
  switch (format) {
    case "csl":
      return {
        body: toCslJson(work),
        mediaType: "application/vnd.citationstyles.csl+json",
        extension: "json",
      };
    case "bibtex":
      return { body: toBibtex(work), mediaType: "application/x-bibtex", extension: "bib" };
    case "ris":
      return { body: toRis(work), mediaType: "application/x-research-info-systems", extension: "ris" };
  }
}
