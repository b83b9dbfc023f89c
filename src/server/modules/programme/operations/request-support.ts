// What the requests' operations share: a request's state from its invitees' answers, and its events.
import type { Answer } from "../../../../contracts/programme.ts";
import type { OperationContext } from "../../../platform/operation.ts";
import type { RequestRecord, RoundTarget } from "./shared.ts";
import { emitProgramme } from "./shared.ts";

/** A request is accepted when every invitee accepted, declined when one declined, pending otherwise. */
export function stateFromAnswers(
  answers: Record<string, { answer: Answer }>,
): "pending" | "accepted" | "declined" {
  const all = Object.values(answers).map((a) => a.answer);
  if (all.includes("declined")) return "declined";
  return all.length > 0 && all.every((a) => a === "accepted") ? "accepted" : "pending";
}

/** A request's events go to its requester, its invitees and the secretariat only. */
export function emitRequest(
  ctx: OperationContext,
  target: RoundTarget,
  type: string,
  request: Pick<RequestRecord, "id" | "requesterId" | "inviteeIds">,
) {
  return emitProgramme(ctx, target, type, {
    tier: "closed",
    published: true,
    participantIds: [request.requesterId, ...request.inviteeIds],
    subjectId: request.id,
  });
}
