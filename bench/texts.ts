// Negotiated texts at the scale of issue 15: a 300-paragraph text with 1,000 brackets whose options come
// from 20 delegations (bench/fixtures/texts-generator.ts, shared with the export benchmark). In process,
// on the embedded database: the compilation view, the clean view and the redline between version 1 and
// the bracketed text, each read first, after a change and 30 times warm (p50/p95). Then through a running server: 2,000 signed-in
// viewers of the draft (each watching it, so presence is on) and one edit by the pen-holder, five times:
// when each viewer receives the change. Targets: views ≤ 50 ms, redline ≤ 100 ms, fan-out p99 ≤ 100 ms.
// `node bench/texts.ts` runs it alone.

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import "../src/server/modules.ts";
import { addParagraph, loadClean, loadCompilation, loadRedline } from "../src/server/modules/texts/index.ts";
import { textEvents } from "../src/server/modules/texts/schema.ts";
import { type Actor, systemActor } from "../src/server/platform/authz.ts";
import { runOperation } from "../src/server/platform/operation.ts";
import { refreshPlannerStatistics } from "../src/server/platform/planner-statistics.ts";
import { benchDatabase, type GeneratedText, generateNegotiatedText } from "./fixtures/texts-generator.ts";
import { makeSecretariat, signIn } from "./lib/accounts.ts";
import { startAstana } from "./lib/processes.ts";
import { openViewers, percentile } from "./lib/viewers.ts";
import type { BenchResult } from "./suite.ts";

const round = "demo-round-22";
/** Issue 15's size: 300 paragraphs, 1,000 brackets, 20 delegations. */
const issueScale = { paragraphs: 300, brackets: 1000, delegations: 20 };
const runs = 30;

type Timing = { first: number; afterChange: number; p50: number; p95: number };

/**
 * The first read (nothing kept, code not yet warm), then 10 reads each just after a change to the text's
 * history (what the first reader after a change waits), then 30 reads after 3 warm-ups.
 */
async function timed(body: () => Promise<unknown>, change: () => Promise<unknown>): Promise<Timing> {
  let began = performance.now();
  await body();
  const first = performance.now() - began;
  const afterChanges: number[] = [];
  for (let run = 0; run < 10; run += 1) {
    await change();
    began = performance.now();
    await body();
    afterChanges.push(performance.now() - began);
  }
  for (let warm = 0; warm < 3; warm += 1) await body();
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await body();
    times.push(performance.now() - started);
  }
  return {
    first,
    afterChange: percentile(afterChanges, 50),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
  };
}

/** A delegate of the text's first delegation (a guarantor): the reader the views are built for. */
function delegateOf(text: GeneratedText): Actor {
  return {
    kind: "account",
    accountId: "bench-guarantor",
    name: "Bench guarantor",
    email: "guarantor@example.org",
    isAdmin: false,
    memberships: [
      {
        processId: text.processId,
        delegationId: "bench-delegation",
        participantId: text.participantIds[0] ?? "",
        roles: ["guarantor"],
      },
    ],
  };
}

/** The views and the redline, in process. */
async function measureViews() {
  const database = await benchDatabase();
  try {
    const text = await generateNegotiatedText(database.db, issueScale);
    // One more paragraph, so the text has a version 2: the redline compares version 1 as imported (no
    // bracket) with the text as bracketed, every bracketed paragraph changed.
    await runOperation({ db: database.db }, addParagraph, systemActor("bench"), {
      documentId: text.documentId,
      baseVersion: 1,
      kind: "operative",
      body: "Decided to hold the next meeting in the second half of the year.",
    });
    // As a running server does every minute (PGlite has no autovacuum): the planner sees the tables' sizes.
    await refreshPlannerStatistics(database.db);
    const reader = delegateOf(text);
    const id = text.documentId;
    // A change as positions make them: an entry in the text's history, the text itself unchanged.
    const change = () =>
      database.db.insert(textEvents).values({ documentId: id, version: 2, type: "bench.change" });
    const compilation = await timed(() => loadCompilation(database.db, reader, id), change);
    const clean = await timed(() => loadClean(database.db, reader, id), change);
    const redline = await timed(() => loadRedline(database.db, reader, id, "1", "current"), change);
    const compared = await loadRedline(database.db, reader, id, "1", "current");
    return { text, compilation, clean, redline, changed: compared.summary.changed };
  } finally {
    await database.close();
  }
}

/** A plain statement of `count` paragraphs (a fifth preambular), as a server's create takes it. */
function plainStatement(count: number): string {
  const lines = ["The guarantors of the Astana format:"];
  for (let index = 1; index < count; index += 1)
    lines.push(
      index <= count / 5
        ? `Reaffirming their commitment to the sovereignty of the Syrian Arab Republic (${index}),`
        : `${index}. Decided to continue the consultations on the humanitarian situation and the return of refugees (${index}).`,
    );
  return lines.join("\n");
}

/** One edit by the pen-holder reaching 2,000 viewers of the draft, five times. */
async function measureFanOut(viewers: number, triggers: number) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "astana-texts-"));
  const email = "bench-texts@example.org";
  makeSecretariat(dataDir, email);
  const astana = await startAstana({ dataDir });
  try {
    const cookie = await signIn(astana.url, email);
    const headers = { cookie, origin: astana.url, "content-type": "application/json" };
    const made = await fetch(`${astana.url}/api/rounds/${round}/texts`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        kind: "joint_statement",
        title: "Fan-out",
        plainText: plainStatement(issueScale.paragraphs),
      }),
    });
    if (made.status !== 201) throw new Error(`create answered ${made.status}: ${await made.text()}`);
    const { id } = (await made.json()) as { id: string };
    const text = (await (await fetch(`${astana.url}/api/texts/${id}`, { headers })).json()) as {
      paragraphs: { id: string; body: string }[];
      document: { version: number };
    };
    const clients = await openViewers(`${astana.url}/api/events?watch=text_document:${id}`, viewers, {
      cookie,
    });
    const latencies: number[] = [];
    let version = text.document.version;
    try {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      for (let index = 0; index < triggers; index += 1) {
        const paragraph = text.paragraphs[index + 1];
        // Each trigger edits another paragraph: its id marks the change's event (and nothing else).
        const arrived = clients.arrivals(`"paragraphId":"${paragraph?.id}"`, 10_000);
        const started = performance.now();
        const response = await fetch(`${astana.url}/api/texts/${id}/paragraphs/${paragraph?.id}`, {
          method: "PATCH",
          headers,
          body: JSON.stringify({ baseVersion: version, body: `${paragraph?.body} (edited ${index})` }),
        });
        if (!response.ok) throw new Error(`PATCH answered ${response.status}: ${await response.text()}`);
        version += 1;
        for (const time of await arrived) latencies.push(time - started);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    } finally {
      clients.close();
    }
    return {
      connected: clients.connected(),
      delivered: latencies.length / triggers,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
    };
  } finally {
    await astana.stop();
  }
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const timing = (value: Timing) =>
  `first ${ms(value.first)}, after a change ${ms(value.afterChange)}, p50 ${ms(value.p50)} p95 ${ms(value.p95)}`;

/** Runs both measurements and returns the row of bench/RESULTS.md. */
export async function measureTexts(): Promise<BenchResult> {
  const views = await measureViews();
  const fanOut = await measureFanOut(2000, 5);
  const met =
    views.compilation.p95 <= 50 &&
    views.clean.p95 <= 50 &&
    views.redline.p95 <= 100 &&
    fanOut.p99 <= 100 &&
    fanOut.delivered === 2000;
  return {
    name: "negotiated texts",
    summary: `${views.text.paragraphs} paragraphs, ${views.text.brackets} brackets, ${views.text.options} options, ${views.text.positions} positions, ${views.text.participantIds.length} delegations: compilation ${timing(views.compilation)}; clean ${timing(views.clean)}; redline (${views.changed} paragraphs changed) ${timing(views.redline)}; fan-out to ${fanOut.connected} viewers: ${fanOut.delivered} delivered per change, p50 ${ms(fanOut.p50)} p99 ${ms(fanOut.p99)}`,
    target: "views ≤ 50 ms and redline ≤ 100 ms at p95; fan-out p99 ≤ 100 ms, every viewer reached",
    met,
    description:
      "A generated 300-paragraph text with 1,000 brackets (options from 20 delegations and about half the delegations' positions on each bracket) on the embedded database: the compilation view, the clean view and the redline between version 1 and the bracketed text, each read once with nothing kept and the code cold (first), 10 times just after an entry in the text's history (after a change, median), then 30 times in process by a guarantor's delegate (the brackets of a text are kept until its history changes; two wordings once compared are not compared again). Then a running server with 2,000 signed-in event streams watching the draft (presence on) and five edits by the secretariat: when each stream received the change.",
  };
}

if (import.meta.main) {
  const result = await measureTexts();
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
