import type { DemoConflict, DemoSource } from "./data.ts";
import { type CoreDemoRows, emptyCoreDemoRows } from "./tables.ts";

/** A record of the data file with its sources, so its `source_refs` can be resolved. */
export type SourcedRecord = { id: string; sources: DemoSource[] };

/** Records already in the database that the demonstration reuses rather than duplicates. */
export type ExistingParticipants = { participantIdBySlug: Map<string, string> };

export const demoProcessId = "demo-astana";
export const demoProcessSlug = "astana";

/**
 * What the data file says about the sources of core's records, in the order core's builders met it:
 * the record module turns each statement into its sources, citations, facts and conflicts, so core
 * never writes (nor knows) the record's tables, and the ids stay as stable as when one builder did both.
 */
export type SourcingStatement =
  | {
      kind: "cite";
      subjectType: string;
      subjectId: string;
      field: string;
      record: SourcedRecord;
      refs: number[];
    }
  | {
      kind: "fact";
      subjectType: string;
      subjectId: string;
      factKind: "outcome" | "fact";
      text: string;
      record: SourcedRecord;
      refs: number[];
      uncertain: boolean;
    }
  | {
      kind: "conflict";
      subjectType: string;
      subjectId: string;
      entry: DemoConflict;
      record: SourcedRecord;
      field: string | undefined;
    };

/**
 * Collects core's rows of the demonstration record while the builders walk the data, and what the
 * data says about their sources as statements for the record module.
 */
export class CoreDemoBuilder {
  readonly rows: CoreDemoRows = emptyCoreDemoRows();
  readonly statements: SourcingStatement[] = [];
  readonly existing: ExistingParticipants;

  constructor(existing: ExistingParticipants) {
    this.existing = existing;
  }

  participantId(slug: string): string {
    return this.existing.participantIdBySlug.get(slug) ?? `demo-participant-${slug}`;
  }

  delegationId(slug: string): string {
    return `${demoProcessId}-delegation-${slug}`;
  }

  /** The record's sources `refs` support one field of a subject (`""`: the subject as a whole). */
  cite(subjectType: string, subjectId: string, field: string, record: SourcedRecord, refs: number[]): void {
    this.statements.push({ kind: "cite", subjectType, subjectId, field, record, refs });
  }

  /** A fact (or an outcome) about a subject, with its sources. */
  fact(
    subjectType: string,
    subjectId: string,
    factKind: "outcome" | "fact",
    text: string,
    record: SourcedRecord,
    refs: number[],
    uncertain = false,
  ): void {
    this.statements.push({ kind: "fact", subjectType, subjectId, factKind, text, record, refs, uncertain });
  }

  /** A conflict of the data about a subject, kept with its values and their sources. */
  conflict(
    subjectType: string,
    subjectId: string,
    entry: DemoConflict,
    record: SourcedRecord,
    field?: string,
  ) {
    this.statements.push({ kind: "conflict", subjectType, subjectId, entry, record, field });
  }

  /** Every `source_ref` of a record, in order. */
  allRefs(record: SourcedRecord): number[] {
    return record.sources.map((source) => source.ref);
  }
}
