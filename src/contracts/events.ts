import { z } from "zod";
import { SearchText } from "./common.ts";

/**
 * One live update as `GET /api/events` (text/event-stream) sends it: the SSE `id:` is the outbox id,
 * `event:` is `type` (the operation's name, e.g. `core.round.announce`), and `data:` is this object as
 * JSON. Only events whose tier the signed-in actor may see are sent. Reconnecting with the
 * `Last-Event-ID` header (EventSource does it by itself) first replays the missed events.
 */
export const LiveEvent = z
  .object({
    id: z.number().int(),
    type: z.string(),
    at: z.string().describe("ISO date-time of the change"),
    processId: z.string().nullable(),
    subjectType: z.string().nullable(),
    subjectId: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "LiveEvent" });
export type LiveEvent = z.infer<typeof LiveEvent>;

/**
 * Sent as `event: resync` (with `data: {}`) when more events were missed than a resume replays: the
 * client should reload what it shows instead of relying on the stream to fill the gap.
 */
export const resyncEventName = "resync";

/** How many missed events a resume replays at most. */
export const maxReplayedEvents = 500;

/** The stream's optional query: the header's value again, for clients that cannot set headers. */
export const LiveEventsQuery = z.strictObject({
  lastEventId: SearchText(30)
    .optional()
    .describe("resume after this outbox id (the Last-Event-ID header wins when both are sent)"),
  watch: SearchText(500)
    .optional()
    .describe(
      "subjects being viewed, `type:id` separated by commas (at most five): the stream then also sends `event: presence` with who else views each one, where the subject's module allows the caller",
    ),
});
