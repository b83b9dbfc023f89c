import {
  CreateMeetingInput,
  Meeting,
  MeetingList,
  UpdateMeetingInput,
} from "../../../../contracts/process.ts";
import { perform, type ServerDeps, type ZodApp } from "../../../platform/module.ts";
import { defineRead, registerRead } from "../../../platform/read.ts";
import { createMeeting } from "../operations/create-meeting.ts";
import { updateMeeting } from "../operations/update-meeting.ts";
import { getMeeting, listMeetings } from "../reads/meetings.ts";
import { IdParams, writeErrors } from "./common.ts";

const tags = ["meetings"];

/** Meetings in the format outside the rounds: ministerial meetings, summits, consultations, congresses. */
export function registerMeetingRoutes(app: ZodApp, deps: ServerDeps): void {
  registerRead(
    app,
    deps.db,
    defineRead({
      name: "core.meeting.list",
      path: "/processes/:id/meetings",
      tags,
      summary: "A process's meetings outside the rounds (public)",
      params: IdParams,
      response: MeetingList,
      cache: "per-actor",
      load: async (db, actor, { params }) => listMeetings(db, actor, params.id),
    }),
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

  registerRead(
    app,
    deps.db,
    defineRead({
      name: "core.meeting.get",
      path: "/meetings/:id",
      tags,
      summary: "One meeting with its participants",
      params: IdParams,
      response: Meeting,
      cache: "per-actor",
      load: async (db, actor, { params }) => getMeeting(db, actor, params.id),
    }),
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
