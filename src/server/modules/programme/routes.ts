// The programme's HTTP routes: reads through `defineRead` (tier filter in SQL), writes through operations.
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { RecordRef } from "../../../contracts/common.ts";
import {
  AgendaItemInput,
  AgendaItemUpdate,
  AnswerRequestInput,
  Changed,
  ConfigureInput,
  Created,
  CreateSessionInput,
  DelegationProgramme,
  EmptyInput,
  FileRequestInput,
  LockInput,
  ProgrammeView,
  Published,
  RequestList,
  RoomInput,
  RunScheduleInput,
  StartedJob,
  StayInput,
  SwapInput,
  UpdateSessionInput,
} from "../../../contracts/programme.ts";
import {
  type AnyOperation,
  perform,
  type ServerDeps,
  writeErrors,
  type ZodApp,
} from "../../platform/module.ts";
import { defineRead, readRegistrar } from "../../platform/read.ts";
import { addRoom } from "./operations/add-room.ts";
import { adoptAgenda } from "./operations/adopt-agenda.ts";
import { answerRequest } from "./operations/answer-request.ts";
import { cancelSchedule } from "./operations/cancel-schedule.ts";
import { configureProgramme } from "./operations/configure-programme.ts";
import { createSession } from "./operations/create-session.ts";
import { fileRequest } from "./operations/file-request.ts";
import { lockSession } from "./operations/lock-session.ts";
import { proposeAgendaItem } from "./operations/propose-agenda-item.ts";
import { publishProgramme } from "./operations/publish-programme.ts";
import { runSchedule } from "./operations/run-schedule.ts";
import { setStay } from "./operations/set-stay.ts";
import { swapSessions } from "./operations/swap-sessions.ts";
import { updateAgendaItem } from "./operations/update-agenda-item.ts";
import { updateSession } from "./operations/update-session.ts";
import { withdrawRequest } from "./operations/withdraw-request.ts";
import { sessionsVisibleTo } from "./policies.ts";
import { sessionsCalendar } from "./reads/calendar.ts";
import { loadDelegationSessions } from "./reads/delegation.ts";
import { loadProgramme, programmeViewCan } from "./reads/programme.ts";
import { listRequests } from "./reads/requests.ts";
import { namesOf, roundContext } from "./reads/shared.ts";
import { programmeSessions } from "./schema.ts";

const tags = ["programme"];
const IdParams = z.object({ id: RecordRef });
const ParticipantParams = z.object({ id: RecordRef, participant: RecordRef });

/** The round's programme: settings, rooms, agenda, sessions, requests, the scheduler, calendars. */
export function registerProgrammeRoutes(app: ZodApp, deps: ServerDeps): void {
  const read = readRegistrar(app, deps.db);
  read(
    defineRead({
      name: "programme.programme.get",
      path: "/rounds/:id/programme",
      tags,
      summary:
        "The round's programme as the caller may see it: rooms, sessions of its tier, the agenda, the last run",
      params: IdParams,
      response: ProgrammeView,
      cache: "per-actor",
      load: (db, actor, { params }) => loadProgramme(db, actor, params.id),
      present: (loaded) => loaded.view,
      can: programmeViewCan,
    }),
  );
  read(
    defineRead({
      name: "programme.request.list",
      path: "/rounds/:id/programme/requests",
      tags,
      summary:
        "The consultation requests the caller is party to (all for the secretariat), with answers and stays",
      params: IdParams,
      response: RequestList,
      cache: "per-actor",
      load: (db, actor, { params }) => listRequests(db, actor, params.id),
    }),
  );
  read(
    defineRead({
      name: "programme.delegation.get",
      path: "/rounds/:id/programme/participants/:participant",
      tags,
      summary: "One delegation's own programme: the sessions it sits in that the caller may see",
      params: ParticipantParams,
      response: DelegationProgramme,
      cache: "per-actor",
      load: async (db, actor, { params }) =>
        (await loadDelegationSessions(db, actor, params.id, params.participant)).answer,
    }),
  );
  read(
    defineRead({
      name: "programme.calendar.round",
      path: "/rounds/:id/programme.ics",
      tags,
      summary:
        "The round's programme as iCalendar: the sessions the caller may see (the public: public sessions); a calendar app subscribes with ?token= (a feed token)",
      params: IdParams,
      feed: true,
      response: z.string(),
      produces: ["text/calendar"],
      cache: "per-actor",
      load: async (db, actor, { params }) => {
        const context = await roundContext(db, actor, params.id);
        const sessions = await db
          .select()
          .from(programmeSessions)
          .where(and(eq(programmeSessions.roundId, params.id), sessionsVisibleTo(actor)))
          .orderBy(asc(programmeSessions.startsAt));
        const names = await namesOf(
          db,
          sessions.flatMap((s) => s.participantIds),
        );
        return sessionsCalendar(
          {
            name: `Round ${context.round.number} programme`,
            url: `${deps.config.publicUrl}/rounds/${params.id}/programme`,
          },
          sessions,
          context.roomsById,
          names,
        );
      },
      send: (reply, text) =>
        reply
          .type("text/calendar; charset=utf-8")
          .header("content-disposition", 'inline; filename="programme.ics"')
          .send(text),
    }),
  );
  read(
    defineRead({
      name: "programme.calendar.delegation",
      path: "/rounds/:id/programme/participants/:participant/calendar.ics",
      tags,
      summary:
        "One delegation's programme as iCalendar, the address a calendar app subscribes to with ?token= (a feed token, revocable): the sessions it sits in that the token's owner may see",
      params: ParticipantParams,
      feed: true,
      response: z.string(),
      produces: ["text/calendar"],
      cache: "per-actor",
      load: async (db, actor, { params }) => {
        const { context, sessions, answer } = await loadDelegationSessions(
          db,
          actor,
          params.id,
          params.participant,
        );
        const names = await namesOf(
          db,
          sessions.flatMap((s) => s.participantIds),
        );
        return sessionsCalendar(
          {
            name: `Round ${context.round.number}: ${answer.participant.name}`,
            url: `${deps.config.publicUrl}/rounds/${params.id}/programme/participants/${params.participant}`,
          },
          sessions,
          context.roomsById,
          names,
        );
      },
      send: (reply, text) =>
        reply
          .type("text/calendar; charset=utf-8")
          .header("content-disposition", 'inline; filename="programme.ics"')
          .send(text),
    }),
  );

  const onRound: [string, "post" | "put", AnyOperation, z.ZodType, z.ZodType, number, string][] = [
    [
      "/rounds/:id/programme/settings",
      "put",
      configureProgramme,
      ConfigureInput,
      Changed,
      200,
      "Set the programme's days, hours, breaks, slot and weights (programme.plan.configure; the secretariat)",
    ],
    [
      "/rounds/:id/programme/rooms",
      "post",
      addRoom,
      RoomInput,
      Created,
      201,
      "Add a room of the venue (programme.room.add; the secretariat)",
    ],
    [
      "/rounds/:id/programme/agenda",
      "post",
      proposeAgendaItem,
      AgendaItemInput,
      Created,
      201,
      "Propose an agenda item (programme.agenda.propose; the secretariat)",
    ],
    [
      "/rounds/:id/programme/agenda/adopt",
      "post",
      adoptAgenda,
      EmptyInput,
      Changed,
      200,
      "Adopt the agenda as it stands (programme.agenda.adopt; the secretariat)",
    ],
    [
      "/rounds/:id/programme/stays",
      "put",
      setStay,
      StayInput,
      Changed,
      200,
      "State a delegation's arrival, departure and teams (programme.stay.set; the delegation or the secretariat)",
    ],
    [
      "/rounds/:id/programme/requests",
      "post",
      fileRequest,
      FileRequestInput,
      Created,
      201,
      "File a consultation request (programme.request.file; an accredited delegation or the secretariat)",
    ],
    [
      "/rounds/:id/programme/sessions",
      "post",
      createSession,
      CreateSessionInput,
      Created,
      201,
      "Place a session: plenary, press conference, break… (programme.session.create; the secretariat)",
    ],
    [
      "/rounds/:id/programme/schedule",
      "post",
      runSchedule,
      RunScheduleInput,
      StartedJob,
      202,
      "Run the scheduler as a background job within a time budget (programme.schedule.run; the secretariat)",
    ],
    [
      "/rounds/:id/programme/schedule/cancel",
      "post",
      cancelSchedule,
      EmptyInput,
      StartedJob,
      200,
      "Stop the scheduler's run (programme.schedule.cancel; the secretariat)",
    ],
    [
      "/rounds/:id/programme/publish",
      "post",
      publishProgramme,
      EmptyInput,
      Published,
      200,
      "Publish the programme (programme.programme.publish; the secretariat)",
    ],
  ];
  for (const [url, method, operation, body, answer, status, summary] of onRound)
    app[method](
      url,
      { schema: { tags, summary, params: IdParams, body, response: { [status]: answer, ...writeErrors } } },
      async (request, reply) =>
        reply.status(status).send(
          await perform(request, deps.db, operation, {
            ...(request.body as object),
            roundId: request.params.id,
          }),
        ),
    );

  const onRecord: [string, "post" | "patch", AnyOperation, z.ZodType, string, string][] = [
    [
      "/programme/agenda/:id",
      "patch",
      updateAgendaItem,
      AgendaItemUpdate,
      "itemId",
      "Reword, reorder or relink an agenda item (programme.agenda.update; the secretariat)",
    ],
    [
      "/programme/requests/:id/answer",
      "post",
      answerRequest,
      AnswerRequestInput,
      "requestId",
      "Accept or decline a request (programme.request.answer; an invited delegation)",
    ],
    [
      "/programme/requests/:id/withdraw",
      "post",
      withdrawRequest,
      EmptyInput,
      "requestId",
      "Withdraw one's request (programme.request.withdraw; the requester)",
    ],
    [
      "/programme/sessions/:id",
      "patch",
      updateSession,
      UpdateSessionInput,
      "sessionId",
      "Move or change a session; a clash is refused with its reason (programme.session.update; the secretariat)",
    ],
    [
      "/programme/sessions/:id/lock",
      "post",
      lockSession,
      LockInput,
      "sessionId",
      "Lock or unlock a session (programme.session.lock; the secretariat)",
    ],
  ];
  for (const [url, method, operation, body, key, summary] of onRecord)
    app[method](
      url,
      { schema: { tags, summary, params: IdParams, body, response: { 200: Changed, ...writeErrors } } },
      async (request) => {
        const result = await perform(request, deps.db, operation, {
          ...(request.body as object),
          [key]: request.params.id,
        });
        return { id: (result as { id: string }).id };
      },
    );
  app.post(
    "/programme/sessions/swap",
    {
      schema: {
        tags,
        summary: "Swap two sessions' places; a clash is refused (programme.session.swap; the secretariat)",
        body: SwapInput,
        response: { 200: Changed, ...writeErrors },
      },
    },
    async (request) => perform(request, deps.db, swapSessions, request.body),
  );
}
