import { z } from "zod";
import { ErrorResponse } from "../../../../contracts/platform.ts";
import {
  AccreditInput,
  InviteByRoleResult,
  InviteDelegationInput,
  InviteDelegationsByRoleInput,
  RecordRef,
  RequestChangesInput,
  RoundDelegation,
  RoundDelegationList,
  StandingDelegationList,
  SubmitMembersInput,
} from "../../../../contracts/process.ts";
import { perform, type ServerDeps, type ZodApp } from "../../../platform/module.ts";
import { defineRead, registerRead } from "../../../platform/read.ts";
import { accreditDelegation } from "../operations/accredit-delegation.ts";
import { inviteDelegation } from "../operations/invite-delegation.ts";
import { inviteDelegationsByRole } from "../operations/invite-delegations-by-role.ts";
import { requestDelegationChanges } from "../operations/request-delegation-changes.ts";
import { submitDelegationMembers } from "../operations/submit-delegation-members.ts";
import { getRoundDelegation, listRoundDelegations } from "../reads/delegations.ts";
import { listStandingDelegations } from "../reads/standing-delegations.ts";
import { IdParams, writeErrors } from "./common.ts";

const tags = ["delegations"];

/** Invitations, lists of members and accreditation of the delegations to a round. */
export function registerDelegationRoutes(app: ZodApp, deps: ServerDeps): void {
  registerRead(
    app,
    deps.db,
    defineRead({
      name: "core.delegation.list",
      path: "/processes/:id/delegations",
      tags,
      summary: "The process's standing delegations and their accounts (administrators and the secretariat)",
      params: IdParams,
      response: StandingDelegationList,
      errors: { 401: ErrorResponse, 403: ErrorResponse },
      cache: "per-actor",
      load: async (db, actor, { params }) => listStandingDelegations(db, actor, params.id),
    }),
  );

  registerRead(
    app,
    deps.db,
    defineRead({
      name: "core.round-delegation.list",
      path: "/rounds/:id/delegations",
      tags,
      summary: "The round's delegations the caller may see (accredited ones; all for the secretariat)",
      params: IdParams,
      response: RoundDelegationList,
      cache: "per-actor",
      load: async (db, actor, { params }) => listRoundDelegations(db, actor, params.id),
    }),
  );

  app.post(
    "/rounds/:id/delegations",
    {
      schema: {
        tags,
        summary: "Invite a participant to the round (core.round-delegation.invite; the secretariat)",
        params: IdParams,
        body: InviteDelegationInput,
        response: { 201: RoundDelegation, ...writeErrors },
      },
    },
    async (request, reply) => {
      const { id } = await perform(request, deps.db, inviteDelegation, {
        ...request.body,
        roundId: request.params.id,
      });
      return reply.status(201).send(await getRoundDelegation(deps.db, request.actor, id));
    },
  );

  app.post(
    "/rounds/:id/delegations/by-role",
    {
      schema: {
        tags,
        summary:
          "Invite every participant holding one of the roles, in it, at once; those invited already stay as they are (core.round-delegation.invite-by-role; the secretariat)",
        params: IdParams,
        body: InviteDelegationsByRoleInput,
        response: { 200: InviteByRoleResult, ...writeErrors },
      },
    },
    async (request) => {
      const { invitedIds, alreadyInvited } = await perform(request, deps.db, inviteDelegationsByRole, {
        ...request.body,
        roundId: request.params.id,
      });
      const all = await listRoundDelegations(deps.db, request.actor, request.params.id);
      const invited = new Set(invitedIds);
      const before = new Set(alreadyInvited);
      return {
        roundId: request.params.id,
        invited: all.items.filter((item) => invited.has(item.id)),
        alreadyInvited: all.items
          .filter((item) => before.has(item.participant.id))
          .map((item) => item.participant),
      };
    },
  );

  app.put(
    "/rounds/:id/delegations/:participant/members",
    {
      schema: {
        tags,
        summary:
          "Submit the delegation's members, exactly one head (core.delegation-members.submit; the delegation or the secretariat)",
        params: z.object({ id: RecordRef, participant: RecordRef }),
        body: SubmitMembersInput,
        response: { 200: RoundDelegation, ...writeErrors },
      },
    },
    async (request) => {
      const { id } = await perform(request, deps.db, submitDelegationMembers, {
        ...request.body,
        roundId: request.params.id,
        participantId: request.params.participant,
      });
      return getRoundDelegation(deps.db, request.actor, id);
    },
  );

  registerRead(
    app,
    deps.db,
    defineRead({
      name: "core.round-delegation.get",
      path: "/round-delegations/:id",
      tags,
      summary: "One round delegation with its members",
      params: IdParams,
      response: RoundDelegation,
      cache: "per-actor",
      load: async (db, actor, { params }) => getRoundDelegation(db, actor, params.id),
    }),
  );

  app.post(
    "/round-delegations/:id/accredit",
    {
      schema: {
        tags,
        summary: "Accredit a submitted delegation (core.round-delegation.accredit; the secretariat)",
        params: IdParams,
        body: AccreditInput,
        response: { 200: RoundDelegation, ...writeErrors },
      },
    },
    async (request) => {
      const { id } = await perform(request, deps.db, accreditDelegation, {
        ...request.body,
        roundDelegationId: request.params.id,
      });
      return getRoundDelegation(deps.db, request.actor, id);
    },
  );

  app.post(
    "/round-delegations/:id/request-changes",
    {
      schema: {
        tags,
        summary:
          "Send a submitted list back with a note (core.round-delegation.request-changes; the secretariat)",
        params: IdParams,
        body: RequestChangesInput,
        response: { 200: RoundDelegation, ...writeErrors },
      },
    },
    async (request) => {
      const { id } = await perform(request, deps.db, requestDelegationChanges, {
        ...request.body,
        roundDelegationId: request.params.id,
      });
      return getRoundDelegation(deps.db, request.actor, id);
    },
  );
}
