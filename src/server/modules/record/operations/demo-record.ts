import { z } from "zod";
import type { Db } from "../../../platform/db.ts";
import { Conflict } from "../../../platform/errors.ts";
import type { DemoContext } from "../../../platform/module.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { installedModules } from "../../../platform/registry.ts";
import { demoProcessId, demoProcessSlug } from "../../core/index.ts";
import { canManageDemo } from "../policies.ts";

const NoInput = z.strictObject({}).default({});

const demoScope = () => ({ subjectType: "process", subjectId: demoProcessId, processId: demoProcessId });

/** A fresh shared context for the modules' demonstration parts, on the operation's transaction. */
function demoContext(tx: Db): DemoContext {
  const shared = new Map<string, unknown>();
  return {
    tx,
    provide: (key, value) => {
      shared.set(key, value);
    },
    need: <Value>(key: string) => {
      if (!shared.has(key))
        throw new Error(`the demonstration part needs "${key}", which no earlier part provided`);
      return shared.get(key) as Value;
    },
  };
}

/** Adds each part's counts into one tally by table (a table two parts touch is summed). */
function tally(parts: Record<string, number>[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const counts of parts)
    for (const [name, count] of Object.entries(counts)) total[name] = (total[name] ?? 0) + count;
  return total;
}

/** Runs every installed module's demonstration part, in module order, in the caller's transaction. */
async function loadEveryPart(tx: Db): Promise<Record<string, number>> {
  const context = demoContext(tx);
  const counts: Record<string, number>[] = [];
  for (const module of installedModules()) if (module.demo) counts.push(await module.demo.load(context));
  return tally(counts);
}

/** Whether any module's demonstration rows (or rows in their way) are in the database. */
async function anyPartLoaded(tx: Db): Promise<boolean> {
  for (const module of installedModules()) if (await module.demo?.isLoaded?.(tx)) return true;
  return false;
}

/**
 * record.demo.load: loads the Astana process (rounds 1–22, meetings, participants, heads of
 * delegation, outcomes, sources and conflicts) as demonstration data, in one transaction, by running
 * each module's demonstration part in module order. Refused when it is already there, so a second
 * load can never duplicate or half-overwrite it.
 */
export const loadDemo = defineOperation({
  name: "record.demo.load",
  input: NoInput,
  load: async (tx) => ({ loaded: await anyPartLoaded(tx) }),
  authorize: (actor) => canManageDemo(actor),
  scope: demoScope,
  run: async (ctx, _input, target) => {
    if (target.loaded) {
      throw new Conflict(
        `The demonstration record is already loaded (process "${demoProcessSlug}"). Use "astana demo reset" to delete it and load it again.`,
        { processId: demoProcessId },
        "demo_already_loaded",
      );
    }
    const started = performance.now();
    const counts = await loadEveryPart(ctx.tx);
    const milliseconds = Math.round(performance.now() - started);
    ctx.audit({ data: { counts, milliseconds } });
    ctx.emit({
      type: "record.demo.load",
      tier: "public",
      processId: demoProcessId,
      subjectType: "process",
      subjectId: demoProcessId,
      payload: { counts },
    });
    return { processId: demoProcessId, counts, milliseconds };
  },
});

/**
 * record.demo.reset: deletes every demonstration row (and whatever was added inside the demonstration
 * process), each module's part in module order, and loads the record again, in one transaction:
 * either the fresh record or the old one.
 */
export const resetDemo = defineOperation({
  name: "record.demo.reset",
  input: NoInput,
  authorize: (actor) => canManageDemo(actor),
  scope: demoScope,
  run: async (ctx) => {
    const started = performance.now();
    const context = demoContext(ctx.tx);
    const removed: Record<string, number>[] = [];
    for (const module of installedModules()) if (module.demo) removed.push(await module.demo.remove(context));
    const deleted = tally(removed);
    if (await anyPartLoaded(ctx.tx)) {
      throw new Conflict(
        `A process that is not demonstration data uses the slug "${demoProcessSlug}"; the demonstration record cannot be loaded beside it.`,
        { slug: demoProcessSlug },
        "demo_slug_taken",
      );
    }
    const counts = await loadEveryPart(ctx.tx);
    const milliseconds = Math.round(performance.now() - started);
    ctx.audit({ data: { deleted, counts, milliseconds } });
    ctx.emit({
      type: "record.demo.reset",
      tier: "public",
      processId: demoProcessId,
      subjectType: "process",
      subjectId: demoProcessId,
      payload: { counts },
    });
    return { processId: demoProcessId, deleted, counts, milliseconds };
  },
});
