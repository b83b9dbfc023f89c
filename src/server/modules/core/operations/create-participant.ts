import { eq } from "drizzle-orm";
import { CreateParticipantInput } from "../../../../contracts/process.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { canManageParticipants } from "../policies.ts";
import { participants } from "../schema.ts";
import { duplicateField, newId } from "./support.ts";

/** core.participant.create: an administrator or a secretariat adds a state, party or organization. */
export const createParticipant = defineOperation({
  name: "core.participant.create",
  input: CreateParticipantInput,
  authorize: (actor) => canManageParticipants(actor),
  scope: () => ({ subjectType: "participant", tier: "public" }),
  run: async (ctx, input) => {
    const [taken] = await ctx.tx
      .select({ id: participants.id })
      .from(participants)
      .where(eq(participants.slug, input.slug))
      .limit(1);
    if (taken) throw duplicateField("slug", `A participant with the address ${input.slug} already exists.`);
    const id = newId();
    await ctx.tx.insert(participants).values({
      id,
      slug: input.slug,
      kind: input.kind,
      names: input.names,
      shortName: input.shortName ?? null,
      existsFrom: input.existsFrom ?? null,
      aliases: input.aliases ?? [],
    });
    ctx.audit({ subjectId: id, data: { slug: input.slug, kind: input.kind, name: input.names.en } });
    ctx.emit({
      type: "core.participant.create",
      tier: "public",
      subjectType: "participant",
      subjectId: id,
      payload: { slug: input.slug },
    });
    return { id };
  },
});
