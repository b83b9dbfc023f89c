import {
  CreateParticipantInput,
  ParticipantDetail,
  ParticipantList,
  UpdateParticipantInput,
} from "../../../../contracts/process.ts";
import { perform, type ServerDeps, type ZodApp } from "../../../platform/module.ts";
import { defineRead, registerRead } from "../../../platform/read.ts";
import { createParticipant } from "../operations/create-participant.ts";
import { updateParticipant } from "../operations/update-participant.ts";
import { getParticipant, listParticipants } from "../reads/participants.ts";
import { IdParams, writeErrors } from "./common.ts";

const tags = ["participants"];

/** Participants: states, parties and organizations, with their roles over the rounds. */
export function registerParticipantRoutes(app: ZodApp, deps: ServerDeps): void {
  registerRead(
    app,
    deps.db,
    defineRead({
      name: "core.participant.list",
      path: "/participants",
      tags,
      summary: "Every participant (public)",
      response: ParticipantList,
      cache: "per-actor",
      load: async (db, actor) => listParticipants(db, actor),
    }),
  );

  app.post(
    "/participants",
    {
      schema: {
        tags,
        summary: "Add a participant (core.participant.create; administrators and secretariats)",
        body: CreateParticipantInput,
        response: { 201: ParticipantDetail, ...writeErrors },
      },
    },
    async (request, reply) => {
      const { id } = await perform(request, deps.db, createParticipant, request.body);
      return reply.status(201).send(await getParticipant(deps.db, request.actor, id));
    },
  );

  registerRead(
    app,
    deps.db,
    defineRead({
      name: "core.participant.get",
      path: "/participants/:id",
      tags,
      summary: "A participant by id or slug: roles in each process, rounds, role changes",
      params: IdParams,
      response: ParticipantDetail,
      cache: "per-actor",
      load: async (db, actor, { params }) => getParticipant(db, actor, params.id),
    }),
  );

  app.patch(
    "/participants/:id",
    {
      schema: {
        tags,
        summary: "Correct a participant from the version read (core.participant.update)",
        params: IdParams,
        body: UpdateParticipantInput,
        response: { 200: ParticipantDetail, ...writeErrors },
      },
    },
    async (request) => {
      const { id } = await perform(request, deps.db, updateParticipant, {
        ...request.body,
        participantId: request.params.id,
      });
      return getParticipant(deps.db, request.actor, id);
    },
  );
}
