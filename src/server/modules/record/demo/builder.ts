import { createHash } from "node:crypto";
import type { DemoConflict, SourcedRecord, SourcingStatement } from "../../core/index.ts";
import type { SubjectType } from "../schema.ts";
import { type DemoRows, emptyDemoRows } from "./tables.ts";

export type { DemoRows } from "./tables.ts";

/** Sources already in the database that the demonstration reuses rather than duplicates. */
export type ExistingSources = { sourceIdByUrl: Map<string, string> };

/** A short, stable identifier: the same input gives the same id on every load. */
export function stableId(prefix: string, ...parts: string[]): string {
  return `${prefix}-${createHash("sha1").update(parts.join("\u0001")).digest("hex").slice(0, 16)}`;
}

/** The publisher of a source is its host name without `www.`: part of how the record cites it. */
export function publisherOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "").replace(/\.$/, "");
  } catch {
    return "unknown";
  }
}

/**
 * Collects the record's rows of the demonstration record while the builders walk the data: sources
 * deduplicated by address, citations deduplicated per subject and field, facts and conflicts
 * numbered per subject so their ids are stable.
 */
export class DemoBuilder {
  readonly rows: DemoRows = emptyDemoRows();
  readonly existing: ExistingSources;
  /** The demonstration process, which every fact, conflict and milestone belongs to. */
  readonly processId: string;
  private readonly sourceIds = new Map<string, string>();
  private readonly citationKeys = new Set<string>();
  private readonly counters = new Map<string, number>();

  constructor(processId: string, existing: ExistingSources) {
    this.processId = processId;
    this.existing = existing;
  }

  /** Turns what core's builders said about their records' sources into the record's rows, in order. */
  replay(statements: SourcingStatement[]): void {
    for (const statement of statements) {
      if (statement.kind === "cite")
        this.cite(
          statement.subjectType,
          statement.subjectId,
          statement.field,
          statement.record,
          statement.refs,
        );
      else if (statement.kind === "fact")
        this.fact(
          statement.subjectType,
          statement.subjectId,
          statement.factKind,
          statement.text,
          statement.record,
          statement.refs,
          statement.uncertain,
        );
      else
        this.conflict(
          statement.subjectType,
          statement.subjectId,
          statement.entry,
          statement.record,
          statement.field,
        );
    }
  }

  /** The source a record's `ref` points at, added once per address. */
  sourceId(record: SourcedRecord, ref: number): string {
    const source = record.sources.find((candidate) => candidate.ref === ref);
    if (!source) throw new Error(`${record.id}: source_ref ${ref} has no source`);
    const known = this.sourceIds.get(source.url) ?? this.existing.sourceIdByUrl.get(source.url);
    if (known) {
      this.sourceIds.set(source.url, known);
      return known;
    }
    const id = stableId("demo-source", source.url);
    this.sourceIds.set(source.url, id);
    this.rows.sources.push({
      id,
      url: source.url,
      title: source.title,
      publisher: publisherOf(source.url),
      publishedAsShown: source.published_as_shown,
      published: source.published,
      language: source.language,
      isDemo: true,
    });
    return id;
  }

  /** Cites the record's sources `refs` for one field of a subject (`""`: the subject as a whole). */
  cite(
    subjectType: SubjectType,
    subjectId: string,
    field: string,
    record: SourcedRecord,
    refs: number[],
  ): void {
    for (const ref of refs) {
      const sourceId = this.sourceId(record, ref);
      const key = `${subjectType}|${subjectId}|${field}|${sourceId}`;
      if (this.citationKeys.has(key)) continue;
      this.citationKeys.add(key);
      this.rows.citations.push({
        id: stableId("demo-citation", key),
        subjectType,
        subjectId,
        field,
        sourceId,
        position: this.next(`citation|${subjectType}|${subjectId}|${field}`),
      });
    }
  }

  /** A fact (or an outcome) about a subject, citing its sources. */
  fact(
    subjectType: SubjectType,
    subjectId: string,
    kind: "outcome" | "fact",
    text: string,
    record: SourcedRecord,
    refs: number[],
    uncertain = false,
  ): string {
    const position = this.next(`fact|${subjectId}`);
    const id = `${subjectId}-${kind}-${position + 1}`;
    this.rows.facts.push({
      id,
      processId: this.processId,
      subjectType,
      subjectId,
      kind,
      position,
      text,
      uncertain,
      tier: "public",
      isDemo: true,
    });
    this.cite("fact", id, "", record, refs);
    return id;
  }

  /** A conflict of the data, kept with its kind, field, text, note and each value's sources. */
  conflict(
    subjectType: SubjectType,
    subjectId: string,
    entry: DemoConflict,
    record: SourcedRecord,
    field?: string,
  ) {
    const position = this.next(`conflict|${subjectId}`);
    const id = `${subjectId}-conflict-${position + 1}`;
    this.rows.conflicts.push({
      id,
      processId: this.processId,
      subjectType,
      subjectId,
      kind: entry.kind,
      field: field ?? entry.field,
      text: entry.text,
      note: entry.note ?? null,
      uncertain: entry.uncertain ?? true,
      position,
      tier: "public",
      isDemo: true,
    });
    this.cite("conflict", id, "", record, entry.source_refs);
    (entry.values ?? []).forEach((value, index) => {
      const valueId = `${id}-value-${index + 1}`;
      this.rows.conflictValues.push({ id: valueId, conflictId: id, position: index, value: value.value });
      this.cite("conflict_value", valueId, "", record, value.source_refs);
    });
  }

  /** Every `source_ref` of a record, in order. */
  allRefs(record: SourcedRecord): number[] {
    return record.sources.map((source) => source.ref);
  }

  private next(key: string): number {
    const value = this.counters.get(key) ?? 0;
    this.counters.set(key, value + 1);
    return value;
  }
}
