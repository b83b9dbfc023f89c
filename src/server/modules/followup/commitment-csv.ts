// Reading a commitment status file: a CSV with the columns `external_id` and `status` (and optionally
// `on`, `evidence`, `source_url`), each line checked, so the dry run can name every fault by its line.
import { parse } from "csv-parse/sync";
import { hasControlCharacters, hasUnstorableCharacters } from "../../../contracts/common.ts";
import { type CommitmentStatus, commitmentStatuses } from "../../../contracts/followup.ts";
import { BadRequest } from "../../platform/errors.ts";
import { readDay } from "./dates.ts";

/** A line of the file as the operation takes it: its values, or what is wrong with it. */
export type StatusLine = {
  line: number;
  externalId: string | null;
  /** The status as written, and as read (null when it is none of the statuses). */
  statusText: string;
  status: CommitmentStatus | null;
  on: string | null;
  evidence: string | null;
  sourceUrl: string | null;
  faults: string[];
};

const statusNames = new Map<string, CommitmentStatus>(
  commitmentStatuses.flatMap((status) => [
    [status, status],
    [status.replaceAll("_", " "), status],
    [status.replaceAll("_", "-"), status],
  ]),
);

/** "In progress", "in-progress" and "in_progress" are one status; anything else is none. */
export function readStatus(text: string): CommitmentStatus | null {
  return statusNames.get(text.trim().toLowerCase()) ?? null;
}

/**
 * Parses the file (UTF-8, at most 5,000 lines): a file without `external_id` and `status` columns, or not
 * a CSV, is refused whole (400); otherwise every line is returned with its own faults.
 */
export function readStatusFile(text: string): StatusLine[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      max_record_size: 100_000,
    });
  } catch (error) {
    throw new BadRequest(`The file is not a readable CSV: ${(error as Error).message}`, {}, "invalid_csv");
  }
  if (records.length > 5000)
    throw new BadRequest("The file has more than 5,000 lines: split it.", {}, "too_many_rows");
  const header = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const columns = header.split(",").map((name) => name.trim().replace(/^"|"$/g, "").toLowerCase());
  const missing = ["external_id", "status"].filter((name) => !columns.includes(name));
  if (missing.length > 0)
    throw new BadRequest(
      `The file lacks the columns ${missing.join(", ")} (it needs external_id and status; on, evidence and source_url are optional).`,
      { missing },
      "missing_columns",
    );
  return records.map(({ record, info }) => {
    const faults: string[] = [];
    const text = (name: string, max: number) => {
      const value = (record[name] ?? "").trim();
      if (value === "") return null;
      if (hasUnstorableCharacters(value) || hasControlCharacters(value.replace(/[\r\n\t]/g, " "))) {
        faults.push(`${name}: contains characters that cannot be stored`);
        return null;
      }
      if (value.length > max) {
        faults.push(`${name}: longer than ${max} characters`);
        return null;
      }
      return value;
    };
    const externalId = text("external_id", 100);
    if (!externalId) faults.push("external_id: missing");
    const statusText = (record.status ?? "").trim().slice(0, 100);
    let on: string | null = null;
    const onText = (record.on ?? "").trim();
    if (onText) {
      const day = readDay(onText);
      if ("day" in day) on = day.day;
      else faults.push(`on: ${day.fault}`);
    }
    const sourceUrl = text("source_url", 2000);
    if (sourceUrl && !/^https?:\/\//i.test(sourceUrl)) faults.push("source_url: not an http(s) address");
    return {
      line: info.lines,
      externalId,
      statusText,
      status: readStatus(statusText),
      on,
      evidence: text("evidence", 8000),
      sourceUrl,
      faults,
    };
  });
}
