// Citations of any record or fact: what it is called, when it happened, where its page is, and the
// sources it rests on, read through the same reads as its page (so a hidden record answers 404).
import { and, eq } from "drizzle-orm";
import type { ExportLanguage, Source } from "../../../../contracts/record.ts";
import { type Actor, visibleTo } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { NotFound } from "../../../platform/errors.ts";
import type { Citable, CitedSource } from "../../../platform/exports/citations.ts";
import { getMeeting, getParticipant, getProcess, getRound } from "../../core/index.ts";
import { sourceDetail } from "../queries/sources.ts";
import { recordsOf } from "../queries/subject-record.ts";
import { facts, milestones } from "../schema.ts";
import { findVisibleSubject, resolveSubjects, type SubjectInfo, subjectKey } from "../subjects.ts";
import { nameIn } from "./names.ts";
import type { WebUrl } from "./process-csv.ts";

type Input = {
  db: Db;
  actor: Actor;
  subjectType: string;
  id: string;
  lang: ExportLanguage;
  webUrl: WebUrl;
  /** The day the reader takes the citation (YYYY-MM-DD): the "accessed" date. */
  today: string;
  /** Who publishes the record (the platform's host name). */
  publisher: string;
};

/** What a citation needs of a subject beyond its label: a title, a date, its page and its collection. */
type Described = { title: string; issued: string | null; path: string; processRef: string | null };

const decisionWords = { launch: "Launched", suspend: "Suspended", conclude: "Concluded", resume: "Resumed" };

/** A citation key of ASCII letters, digits and hyphens, as BibTeX needs. */
function citeKey(...parts: string[]): string {
  return (
    parts
      .join("-")
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .toLowerCase() || "record"
  );
}

function uniqueSourcesOf(lists: Source[][]): CitedSource[] {
  const seen = new Map<string, CitedSource>();
  for (const source of lists.flat()) {
    if (!seen.has(source.id))
      seen.set(source.id, {
        title: source.title,
        url: source.url,
        publisher: source.publisher,
        published: source.published ?? source.publishedAsShown,
      });
  }
  return [...seen.values()];
}

/** Title, date and page of a visible subject, by the reads of the module that owns it. */
async function describe(
  db: Db,
  actor: Actor,
  subject: SubjectInfo,
  lang: ExportLanguage,
): Promise<Described> {
  const id = subject.subjectId;
  const processPath = async (ref: string) =>
    `/processes/${encodeURIComponent((await getProcess(db, actor, ref)).slug)}`;
  switch (subject.subjectType) {
    case "process": {
      const process = await getProcess(db, actor, id);
      return {
        title: nameIn(process.names, lang),
        issued: process.launchedOn,
        path: `/processes/${encodeURIComponent(process.slug)}`,
        processRef: process.id,
      };
    }
    case "round": {
      const round = await getRound(db, actor, id);
      return {
        title: nameIn(round.names, lang),
        issued: round.startDate,
        path: `/rounds/${encodeURIComponent(round.id)}`,
        processRef: round.processId,
      };
    }
    case "meeting": {
      const meeting = await getMeeting(db, actor, id);
      const issued =
        meeting.startDate && meeting.datePrecision !== "day"
          ? meeting.startDate.slice(0, meeting.datePrecision === "month" ? 7 : 4)
          : meeting.startDate;
      return {
        title: nameIn(meeting.names, lang),
        issued,
        path: `/meetings/${encodeURIComponent(meeting.id)}`,
        processRef: meeting.processId,
      };
    }
    case "participant": {
      const participant = await getParticipant(db, actor, id);
      return {
        title: nameIn(participant.names, lang),
        issued: null,
        path: `/participants/${encodeURIComponent(participant.slug)}`,
        processRef: null,
      };
    }
    case "process_decision": {
      const process = await getProcess(db, actor, subject.processId ?? "");
      const decision = process.decisions.find((candidate) => candidate.id === id);
      if (!decision) throw new NotFound("Decision", id);
      return {
        title: `${decisionWords[decision.kind]}: ${nameIn(process.names, lang)} (${decision.decidedBy}, ${decision.decidedOn})`,
        issued: decision.decidedOn,
        path: `/processes/${encodeURIComponent(process.slug)}#decision-${decision.id}`,
        processRef: process.id,
      };
    }
    case "milestone": {
      const [row] = await db
        .select()
        .from(milestones)
        .where(
          and(
            eq(milestones.id, id),
            visibleTo(actor, { tier: milestones.tier, processId: milestones.processId }),
          ),
        );
      if (!row) throw new NotFound("Milestone", id);
      return {
        title: row.title,
        issued: row.occurredOn,
        path: await processPath(row.processId),
        processRef: row.processId,
      };
    }
    case "fact": {
      const [row] = await db
        .select()
        .from(facts)
        .where(and(eq(facts.id, id), visibleTo(actor, { tier: facts.tier, processId: facts.processId })));
      if (!row) throw new NotFound("Fact", id);
      const about = (
        await resolveSubjects(db, [{ subjectType: row.subjectType, subjectId: row.subjectId }], actor)
      ).get(subjectKey(row.subjectType, row.subjectId));
      const parent = about ? await describe(db, actor, about, lang).catch(() => null) : null;
      const text = row.text.length > 200 ? `${row.text.slice(0, 199)}…` : row.text;
      return {
        title: parent ? `${parent.title}: ${text}` : text,
        issued: parent?.issued ?? null,
        path: `${parent?.path.split("#")[0] ?? (row.processId ? await processPath(row.processId) : "/")}#fact-${row.id}`,
        processRef: row.processId,
      };
    }
    default: {
      // Any other subject (a conflict, a participation, another module's record): its label, on
      // its process's page, or on the conflicts page for a conflict.
      const base = subject.processId ? await processPath(subject.processId) : "/";
      return {
        title: subject.label,
        issued: null,
        path:
          subject.subjectType === "conflict"
            ? `${base}/conflicts#conflict-${id}`
            : `${base}#${subject.subjectType}-${id}`,
        processRef: subject.processId,
      };
    }
  }
}

/**
 * The citation of one record, fact or source as the reader may see it: a subject hidden by its tier
 * (or missing) answers 404, and only the sources the reader may see are listed.
 */
export async function citationOf(input: Input): Promise<{ work: Citable; name: string }> {
  const { db, actor, subjectType, id, lang, webUrl, today, publisher } = input;
  if (subjectType === "source") {
    const source = await sourceDetail(db, actor, id);
    return {
      name: citeKey("source", source.publisher, source.published ?? "", source.id.slice(0, 8)),
      work: {
        key: citeKey(source.publisher, source.published ?? "undated", source.id.slice(0, 8)),
        kind: "source",
        title: source.title ?? source.url,
        url: source.url,
        issued: source.published,
        accessed: today,
        publisher: source.publisher,
        containerTitle: null,
        language: source.language,
        sources: [],
      },
    };
  }
  const subject = await findVisibleSubject(db, actor, { subjectType, subjectId: id });
  if (!subject) throw new NotFound(subjectType.replaceAll("_", " "), id);
  const described = await describe(db, actor, subject, lang);
  const body = (await recordsOf(db, actor, [subject])).get(subjectKey(subjectType, id));
  const own: Source[][] = body
    ? [
        ...Object.values(body.citations),
        ...body.facts.map((fact) => fact.sources),
        ...body.conflicts.flatMap((conflict) => conflict.values.map((value) => value.sources)),
      ]
    : [];
  const process = described.processRef ? await getProcess(db, actor, described.processRef) : null;
  // The process's slug and the record's id (ids often start with the slug: not twice).
  const slug = process?.slug ?? "record";
  const key = citeKey(slug, id.replace(new RegExp(`^(demo-)?${slug}-`), ""));
  return {
    name: key,
    work: {
      key,
      kind: "record",
      title: described.title,
      url: webUrl(described.path),
      issued: described.issued,
      accessed: today,
      publisher,
      containerTitle: process ? `${nameIn(process.names, lang)}: the public record` : null,
      language: lang,
      sources: uniqueSourcesOf(own),
    },
  };
}
