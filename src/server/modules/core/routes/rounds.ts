import { z } from "zod";
import {
  AnnounceRoundInput,
  CancelRoundInput,
  NextRoundDecisionInput,
  ParticipantsList,
  PlanRoundInput,
  PostponeRoundInput,
  PrecedenceOrder,
  RecordParticipationInput,
  RoundDetail,
  RoundList,
  RoundStatusChangeInput,
  SetPrecedenceInput,
  UpdateRoundInput,
} from "../../../../contracts/process.ts";
import { perform, type ServerDeps, type ZodApp } from "../../../platform/module.ts";
import { defineRead, registerRead } from "../../../platform/read.ts";
import { announceRound } from "../operations/announce-round.ts";
import { cancelRound } from "../operations/cancel-round.ts";
import { concludeRound } from "../operations/conclude-round.ts";
import { openRound } from "../operations/open-round.ts";
import { planRound } from "../operations/plan-round.ts";
import { postponeRound } from "../operations/postpone-round.ts";
import { recordNextRoundDecision } from "../operations/record-next-round-decision.ts";
import { recordRoundParticipation } from "../operations/record-round-participation.ts";
import { setRoundPrecedence } from "../operations/set-round-precedence.ts";
import { updateRound } from "../operations/update-round.ts";
import { printLanguages, renderParticipantsListHtml } from "../presenters/participants-list-html.ts";
import { getParticipantsList } from "../reads/delegations.ts";
import { getRound, listProcessRounds } from "../reads/rounds.ts";
import { IdParams, writeErrors } from "./common.ts";

const tags = ["rounds"];

/** Rounds: the lists and pages (planned rounds only inside the process), and the secretariat's operations. */
export function registerRoundRoutes(app: ZodApp, deps: ServerDeps): void {
  registerRead(
    app,
    deps.db,
    defineRead({
      name: "core.round.list",
      path: "/processes/:id/rounds",
      tags,
      summary: "A process's rounds with number, status, dates, place and participants by role",
      params: IdParams,
      response: RoundList,
      cache: "per-actor",
      load: async (db, actor, { params }) => listProcessRounds(db, actor, params.id),
    }),
  );

  app.post(
    "/processes/:id/rounds",
    {
      schema: {
        tags,
        summary: "Plan a round (core.round.plan; the secretariat)",
        params: IdParams,
        body: PlanRoundInput,
        response: { 201: RoundDetail, ...writeErrors },
      },
    },
    async (request, reply) => {
      const { id } = await perform(request, deps.db, planRound, {
        ...request.body,
        processId: request.params.id,
      });
      return reply.status(201).send(await getRound(deps.db, request.actor, id));
    },
  );

  registerRead(
    app,
    deps.db,
    defineRead({
      name: "core.round.get",
      path: "/rounds/:id",
      tags,
      summary:
        "A round with announcements, participations, delegations, next-round decision, announced vs held",
      params: IdParams,
      response: RoundDetail,
      cache: "per-actor",
      load: async (db, actor, { params }) => getRound(db, actor, params.id),
    }),
  );

  app.patch(
    "/rounds/:id",
    {
      schema: {
        tags,
        summary: "Edit a round from the version read; a stale version is refused (core.round.update)",
        params: IdParams,
        body: UpdateRoundInput,
        response: { 200: RoundDetail, ...writeErrors },
      },
    },
    async (request) => {
      await perform(request, deps.db, updateRound, { ...request.body, roundId: request.params.id });
      return getRound(deps.db, request.actor, request.params.id);
    },
  );

  const writes = [
    ["post", "announce", announceRound, AnnounceRoundInput, "Announce a round: its dates become public"],
    ["post", "open", openRound, RoundStatusChangeInput, "Open an announced round's session"],
    ["post", "conclude", concludeRound, RoundStatusChangeInput, "Conclude a round in session"],
    ["post", "postpone", postponeRound, PostponeRoundInput, "Postpone a planned or announced round"],
    ["post", "cancel", cancelRound, CancelRoundInput, "Cancel a round that has not met"],
    [
      "put",
      "next-round",
      recordNextRoundDecision,
      NextRoundDecisionInput,
      "Record the round's decision on the next one",
    ],
    [
      "put",
      "participations",
      recordRoundParticipation,
      RecordParticipationInput,
      "Record a participant's attendance",
    ],
    [
      "put",
      "precedence",
      setRoundPrecedence,
      SetPrecedenceInput,
      "Choose the order of precedence of the list",
    ],
  ] as const;
  for (const [method, path, operation, body, summary] of writes) {
    app.route({
      method: method.toUpperCase() as "POST" | "PUT",
      url: `/rounds/:id/${path}`,
      schema: {
        tags,
        summary: `${summary} (${operation.name}; the secretariat)`,
        params: IdParams,
        body,
        response: { 200: RoundDetail, ...writeErrors },
      },
      handler: async (request) => {
        const { id } = request.params as z.infer<typeof IdParams>;
        await perform(request, deps.db, operation, { ...(request.body as object), roundId: id });
        return getRound(deps.db, request.actor, id);
      },
    });
  }

  registerRead(
    app,
    deps.db,
    defineRead({
      name: "core.round.participants-list",
      path: "/rounds/:id/participants-list",
      tags,
      summary: "The round's list of accredited participants in an order of precedence",
      params: IdParams,
      query: z.object({ order: PrecedenceOrder.optional() }),
      response: ParticipantsList,
      cache: "per-actor",
      load: async (db, actor, { params, query }) => getParticipantsList(db, actor, params.id, query.order),
    }),
  );

  registerRead(
    app,
    deps.db,
    defineRead({
      name: "core.round.participants-list-html",
      path: "/rounds/:id/participants-list.html",
      tags,
      summary: "The round's list of participants as a printable page (en, ru or ar)",
      params: IdParams,
      query: z.object({
        lang: z.enum(printLanguages).default("en"),
        order: PrecedenceOrder.optional(),
      }),
      response: z.string(),
      produces: ["text/html"],
      cache: "per-actor",
      load: async (db, actor, { params, query }) =>
        renderParticipantsListHtml(await getParticipantsList(db, actor, params.id, query.order), query.lang),
      send: (reply, html) => reply.type("text/html; charset=utf-8").send(html),
    }),
  );
}
