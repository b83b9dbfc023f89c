// The write rule (DESIGN §3): an operation is the only place that changes state. This check fails on
// a table write (drizzle's `.insert(t).values`, `.update(t).set`, `.delete(t)`, or raw INSERT, UPDATE,
// DELETE, TRUNCATE in SQL text) in any server file outside a module's `operations/` folder, except a
// short allow-list: the demonstration parts (run inside the one audited demonstration operation) and
// the platform's own writers (the audit log, the outbox, the restore of a backup, sign-in counters).
// Run by `npm run check`; `node scripts/check-writes.ts [root]` prints each write and exits 1.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** Files that may write tables, beside every `src/server/modules/<module>/operations/` file. */
export const writeAllowList: readonly RegExp[] = [
  /^src\/server\/modules\/[^/]+\/operations\//,
  // Each module's part of the demonstration record, run by record.demo.load / record.demo.reset.
  /^src\/server\/modules\/[^/]+\/demo\/part\.ts$/,
  // The platform's own writers: the audit chain, the outbox, and the restore of a backup into an
  // empty database (better-auth writes through its adapter).
  /^src\/server\/platform\/audit\.ts$/,
  /^src\/server\/platform\/events\.ts$/,
  /^src\/server\/platform\/backup\.ts$/,
  // The background jobs' own bookkeeping (state, progress, result); what a job changes in the record
  // goes through an operation its kind's `complete` runs.
  /^src\/server\/platform\/jobs\.ts$/,
  // …and a job's cancel request and seal, written inside the operation that cancels or merges.
  /^src\/server\/platform\/job-cancel\.ts$/,
  // Failed sign-in counters in better-auth's rate-limit table (counters, not records).
  /^src\/server\/platform\/sign-in-limits\.ts$/,
  // When an API token was last used (a usage mark to the minute, like the counters above).
  /^src\/server\/platform\/api-token-use\.ts$/,
  // The search index: derived from the records after each commit and rebuilt from them at will, like
  // a cache (no record of its own, nothing to audit).
  /^src\/server\/modules\/search\/index-writer\.ts$/,
  // Large imports' scratch rows (a file being read, staged in short transactions so the server keeps
  // answering): never a record; the module's one audited operation merges them (the follow-up's
  // followup.incident.import-acled, the humanitarian list's humanitarian.list.import).
  /^src\/server\/platform\/staging\.ts$/,
  // The bulk insert operations use (`insertMany(tx, table, rows)`); its callers are checked below.
  /^src\/server\/platform\/bulk\.ts$/,
  // The versions of a text in other languages (`saveTextVersions`), called by operations and demo parts.
  /^src\/server\/platform\/text-versions\.ts$/,
];

const drizzleWrites = [
  /\.insert\(\s*[\w.]+\s*\)\s*\.values\(/g,
  /\.update\(\s*[\w.]+\s*\)\s*\.set\(/g,
  /\.delete\(\s*[\w.]+\s*\)\s*\.(?:where|returning)\(/g,
  /\b(?:tx|db|trx)\s*\.delete\(\s*[\w.]+\s*\)/g,
  /\binsertMany\(/g,
];
const sqlWrites =
  /\b(?:insert\s+into|update\s+["\w.]+\s+set|delete\s+from|truncate\s+(?:table\s+)?["\w.]+)\b/gi;

export type TableWrite = { file: string; line: number; text: string };

function* sourceFiles(directory: string): Generator<string> {
  for (const entry of readdirSync(directory)) {
    const full = path.join(directory, entry);
    if (statSync(full).isDirectory()) yield* sourceFiles(full);
    else if (/\.tsx?$/.test(entry)) yield full;
  }
}

/** Blanks out comments (keeping line breaks), so prose about deleting is not mistaken for a write. */
function withoutComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, " "))
    .replace(
      /(^|[^:"'`\\])\/\/[^\n]*/g,
      (comment, before: string) => before + " ".repeat(comment.length - before.length),
    );
}

/** Every table write under `root/src/server` outside the operations and the allow-list. */
export function findTableWrites(root: string): TableWrite[] {
  const serverDirectory = path.join(root, "src", "server");
  const found: TableWrite[] = [];
  for (const full of sourceFiles(serverDirectory)) {
    const file = path.relative(root, full).split(path.sep).join("/");
    if (writeAllowList.some((allowed) => allowed.test(file))) continue;
    const text = withoutComments(readFileSync(full, "utf8"));
    for (const pattern of [...drizzleWrites, sqlWrites]) {
      for (const match of text.matchAll(pattern)) {
        const line = text.slice(0, match.index).split("\n").length;
        found.push({ file, line, text: match[0].replace(/\s+/g, " ") });
      }
    }
  }
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const writes = findTableWrites(path.resolve(process.argv[2] ?? "."));
  for (const write of writes)
    process.stderr.write(
      `${write.file}:${write.line}: table write outside an operation (write-rule): ${write.text}\n`,
    );
  if (writes.length > 0) {
    process.stderr.write(
      `${writes.length} table write(s) outside an operation: move each into an operation of its module (src/server/modules/<module>/operations/).\n`,
    );
    process.exitCode = 1;
  } else process.stdout.write("✔ no table write outside an operation\n");
}
