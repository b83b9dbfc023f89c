import { z } from "zod";
import { ErrorResponse } from "../../../../contracts/platform.ts";
import {
  AccreditInput,
  InviteDelegationInput,
  RecordRef,
  RequestChangesInput,
  RoundDelegation,
  RoundDelegationList,
  StandingDelegationList,
  SubmitMembersInput,
} from "../../../../contracts/process.ts";
import { perform, type ServerDeps, type ZodApp } from "../../../platform/module.ts";
import { accreditDelegation } from "../operations/accredit-delegation.ts";
import { inviteDelegation } from "../operations/invite-delegation.ts";
import { requestDelegationChanges } from "../operations/request-delegation-changes.ts";
import { submitDelegationMembers } from "../operations/submit-delegation-members.ts";
import { getRoundDelegation, listRoundDelegations } from "../reads/delegations.ts";
import { listStandingDelegations } from "../reads/standing-delegations.ts";
import { IdParams, readErrors, writeErrors } from "./common.ts";

const tags = ["delegations"];

/** Invitations, lists of members and accreditation of the delegations to a round. */
export function registerDelegationRoutes(app: ZodApp, deps: ServerDeps): void {
  app.get(
    "/processes/:id/delegations",
    {
      schema: {
        tags,
        summary: "The process's standing delegations and their accounts (administrators and the secretariat)",
        params: IdParams,
        response: { 200: StandingDelegationList, ...readErrors, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => listStandingDelegations(deps.db, request.actor, request.params.id),
  );

  app.get(
    "/rounds/:id/delegations",
    {
      schema: {
        tags,
        summary: "The round's delegations the caller may see (accredited ones; all for the secretariat)",
        params: IdParams,
        response: { 200: RoundDelegationList, ...readErrors },
      },
    },
    async (request) => listRoundDelegations(deps.db, request.actor, request.params.id),
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

  app.get(
    "/round-delegations/:id",
    {
      schema: {
        tags,
        summary: "One round delegation with its members",
        params: IdParams,
        response: { 200: RoundDelegation, ...readErrors },
      },
    },
    async (request) => getRoundDelegation(deps.db, request.actor, request.params.id),
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
