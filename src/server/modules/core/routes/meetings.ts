import {
  CreateMeetingInput,
  Meeting,
  MeetingList,
  UpdateMeetingInput,
} from "../../../../contracts/process.ts";
import { perform, type ServerDeps, type ZodApp } from "../../../platform/module.ts";
import { createMeeting } from "../operations/create-meeting.ts";
import { updateMeeting } from "../operations/update-meeting.ts";
import { getMeeting, listMeetings } from "../reads/meetings.ts";
import { IdParams, readErrors, writeErrors } from "./common.ts";

const tags = ["meetings"];

/** Meetings in the format outside the rounds: ministerial meetings, summits, consultations, congresses. */
export function registerMeetingRoutes(app: ZodApp, deps: ServerDeps): void {
  app.get(
    "/processes/:id/meetings",
    {
      schema: {
        tags,
        summary: "A process's meetings outside the rounds (public)",
        params: IdParams,
        response: { 200: MeetingList, ...readErrors },
      },
    },
    async (request) => listMeetings(deps.db, request.actor, request.params.id),
  );

  app.post(
    "/processes/:id/meetings",
    {
      schema: {
        tags,
        summary: "Record a meeting with its participants (core.meeting.create; the secretariat)",
        params: IdParams,
        body: CreateMeetingInput,
        response: { 201: Meeting, ...writeErrors },
      },
    },
    async (request, reply) => {
      const { id } = await perform(request, deps.db, createMeeting, {
        ...request.body,
        processId: request.params.id,
      });
      return reply.status(201).send(await getMeeting(deps.db, request.actor, id));
    },
  );

  app.get(
    "/meetings/:id",
    {
      schema: {
        tags,
        summary: "One meeting with its participants",
        params: IdParams,
        response: { 200: Meeting, ...readErrors },
      },
    },
    async (request) => getMeeting(deps.db, request.actor, request.params.id),
  );

  app.patch(
    "/meetings/:id",
    {
      schema: {
        tags,
        summary: "Correct a meeting from the version read (core.meeting.update; the secretariat)",
        params: IdParams,
        body: UpdateMeetingInput,
        response: { 200: Meeting, ...writeErrors },
      },
    },
    async (request) => {
      const { id } = await perform(request, deps.db, updateMeeting, {
        ...request.body,
        meetingId: request.params.id,
      });
      return getMeeting(deps.db, request.actor, id);
    },
  );
}
