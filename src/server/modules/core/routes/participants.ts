import {
  CreateParticipantInput,
  ParticipantDetail,
  ParticipantList,
  UpdateParticipantInput,
} from "../../../../contracts/process.ts";
import { perform, type ServerDeps, type ZodApp } from "../../../platform/module.ts";
import { createParticipant } from "../operations/create-participant.ts";
import { updateParticipant } from "../operations/update-participant.ts";
import { getParticipant, listParticipants } from "../reads/participants.ts";
import { IdParams, readErrors, writeErrors } from "./common.ts";

const tags = ["participants"];

/** Participants: states, parties and organizations, with their roles over the rounds. */
export function registerParticipantRoutes(app: ZodApp, deps: ServerDeps): void {
  app.get(
    "/participants",
    { schema: { tags, summary: "Every participant (public)", response: { 200: ParticipantList } } },
    async (request) => listParticipants(deps.db, request.actor),
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

  app.get(
    "/participants/:id",
    {
      schema: {
        tags,
        summary: "A participant by id or slug: roles in each process, rounds, role changes",
        params: IdParams,
        response: { 200: ParticipantDetail, ...readErrors },
      },
    },
    async (request) => getParticipant(deps.db, request.actor, request.params.id),
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
