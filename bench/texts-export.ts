// The texts' exports at the size of issue 15: a 300-paragraph text with 1,000 brackets and 20
// delegations (bench/fixtures/texts-generator.ts): the compilation as .docx (target ≤ 1 s), the clean
// text as .docx, the compilation as PDF, and the adopted 300-paragraph text as Akoma Ntoso XML; each
// the whole export as the route runs it (the tier-filtered load and the file), median of 5 after a warm-up.
// `npm run bench -- "texts export"` runs it alone and writes its row.
import { exportText } from "../src/server/modules/texts/io/export.ts";
import { systemActor } from "../src/server/platform/authz.ts";
import { benchDatabase, generateAdoptedText, generateNegotiatedText } from "./fixtures/texts-generator.ts";
import type { Benchmark, BenchResult } from "./suite.ts";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function timed(runs: number, body: () => Promise<{ body: Uint8Array }>) {
  const first = await body();
  const times: number[] = [];
  for (let index = 0; index < runs; index++) {
    const start = performance.now();
    await body();
    times.push(performance.now() - start);
  }
  return { ms: median(times), bytes: first.body.length };
}

/** Measures every export format on the generated text. */
export async function measureTextsExport(): Promise<BenchResult> {
  const database = await benchDatabase();
  try {
    const db = database.db;
    const text = await generateNegotiatedText(db);
    const adopted = await generateAdoptedText(db);
    const actor = systemActor("bench");
    const docx = await timed(5, () => exportText(db, actor, text.documentId, "docx", "compilation"));
    const clean = await timed(5, () => exportText(db, actor, text.documentId, "docx", "clean"));
    const pdf = await timed(5, () => exportText(db, actor, text.documentId, "pdf", "compilation"));
    const txt = await timed(5, () => exportText(db, actor, text.documentId, "txt", "compilation"));
    const akn = await timed(5, () => exportText(db, actor, adopted.documentId, "akn", "compilation"));
    const kb = (bytes: number) => `${Math.round(bytes / 1024)} KiB`;
    const ms = (value: number) => value.toFixed(0);
    return {
      name: "texts export",
      summary:
        `${text.paragraphs} paragraphs, ${text.brackets} brackets, ${text.options} options, ${text.positions} positions: ` +
        `compilation .docx ${ms(docx.ms)} ms (${kb(docx.bytes)}), clean .docx ${ms(clean.ms)} ms, ` +
        `PDF ${ms(pdf.ms)} ms (${kb(pdf.bytes)}), plain text ${ms(txt.ms)} ms, Akoma Ntoso (adopted, 300 paragraphs) ${ms(akn.ms)} ms (${kb(akn.bytes)})`,
      target: "compilation .docx ≤ 1 s",
      met: docx.ms <= 1000,
      description:
        "bench/fixtures/texts-generator.ts builds a memorandum of 300 paragraphs (60 preambular) with 1,000 open brackets over its operative paragraphs " +
        "(the standing words and one or two attributed alternatives each, some deletions) and about half of 20 delegations' positions on each bracket, " +
        "and a 300-paragraph text adopted by the 20 through the operations; each export is timed whole as its route runs it (tier-filtered load, presentation, file), median of 5 after a warm-up.",
    };
  } finally {
    await database.close();
  }
}

export const textsExportBenchmarks: Benchmark[] = [{ name: "texts export", run: measureTextsExport }];

if (import.meta.main) {
  const result = await measureTextsExport();
  process.stdout.write(`${result.summary}\nmet: ${result.met}\n`);
}
