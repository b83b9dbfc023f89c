import { AnnounceRoundInput } from "../../../../contracts/process.ts";
import { saveTextVersions } from "../../../platform/text-versions.ts";
import { datesMissingForAnnouncement } from "../policies.ts";
import { roundAnnouncements } from "../schema.ts";
import { roundTransition } from "./round-lifecycle.ts";
import { invalidField, newId } from "./support.ts";

/**
 * core.round.announce: the secretariat publishes the round's dates and place; the round becomes public.
 * A round is announced with its dates (422 naming the missing one); the announcement keeps the dates
 * and city it announced, so a later change stays visible.
 */
export const announceRound = roundTransition({
  name: "core.round.announce",
  to: "announced",
  input: AnnounceRoundInput,
  apply: async (ctx, input, { round }) => {
    const [missing] = datesMissingForAnnouncement(round);
    if (missing) {
      const which = missing === "startDate" ? "start" : "end";
      throw invalidField(missing, `Set the ${which} date of round ${round.number} before announcing it.`);
    }
    const id = newId();
    // The announcement keeps its original text; the other versions are the platform's text versions.
    const { text } = await saveTextVersions(
      ctx.tx,
      { subjectType: "round_announcement", subjectId: id, field: "text" },
      input.text,
    );
    await ctx.tx.insert(roundAnnouncements).values({
      id,
      roundId: round.id,
      publishedOn: input.publishedOn,
      text,
      announcedStart: round.startDate,
      announcedEnd: round.endDate,
      announcedCity: round.city,
    });
    return undefined;
  },
});
