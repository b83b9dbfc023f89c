import { eq } from "drizzle-orm";
import { RecordRef, UpdateProcessInput } from "../../../../contracts/process.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { processes } from "../schema.ts";
import { processEvent, processWrite } from "./shared/process.ts";
import { checkVersion } from "./support.ts";

/** core.process.update: the secretariat edits the process's names and defaults, from the version it read. */
export const updateProcess = defineOperation({
  name: "core.process.update",
  input: UpdateProcessInput.extend({ processId: RecordRef }),
  ...processWrite,
  run: async (ctx, input, process) => {
    checkVersion("The process", input.version, process, {
      id: process.id,
      slug: process.slug,
      names: process.names,
      defaultCity: process.defaultCity,
      defaultVenue: process.defaultVenue,
      timezone: process.timezone,
      version: process.version,
    });
    const changes = {
      ...(input.names !== undefined && { names: input.names }),
      ...(input.defaultCity !== undefined && { defaultCity: input.defaultCity }),
      ...(input.defaultVenue !== undefined && { defaultVenue: input.defaultVenue }),
      ...(input.timezone !== undefined && { timezone: input.timezone }),
    };
    await ctx.tx
      .update(processes)
      .set({ ...changes, version: process.version + 1, updatedAt: new Date() })
      .where(eq(processes.id, process.id));
    ctx.audit({ data: { fields: Object.keys(changes) } });
    ctx.emit(processEvent("core.process.update", process));
    return { id: process.id };
  },
});
