import { z } from "zod";
import { Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { demoProcessId } from "../demo/builder.ts";
import { deleteDemoRecord, demoIsLoaded, demoProcessSlug, insertDemoRecord } from "../demo/store.ts";
import { canManageDemo } from "../policies.ts";

const NoInput = z.strictObject({}).default({});

const demoScope = () => ({ subjectType: "process", subjectId: demoProcessId, processId: demoProcessId });

/**
 * record.demo.load: loads the Astana process (rounds 1–22, meetings, participants, heads of
 * delegation, outcomes, sources and conflicts) as demonstration data, in one transaction. Refused
 * when it is already there, so a second load can never duplicate or half-overwrite it.
 */
export const loadDemo = defineOperation({
  name: "record.demo.load",
  input: NoInput,
  load: async (tx) => ({ loaded: await demoIsLoaded(tx) }),
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
    const counts = await insertDemoRecord(ctx.tx);
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
 * process) and loads the record again, in one transaction: either the fresh record or the old one.
 */
export const resetDemo = defineOperation({
  name: "record.demo.reset",
  input: NoInput,
  authorize: (actor) => canManageDemo(actor),
  scope: demoScope,
  run: async (ctx) => {
    const started = performance.now();
    const deleted = await deleteDemoRecord(ctx.tx);
    if (await demoIsLoaded(ctx.tx)) {
      throw new Conflict(
        `A process that is not demonstration data uses the slug "${demoProcessSlug}"; the demonstration record cannot be loaded beside it.`,
        { slug: demoProcessSlug },
        "demo_slug_taken",
      );
    }
    const counts = await insertDemoRecord(ctx.tx);
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
