import { z } from "zod";
import {
  AddMemberBody,
  DelegationMember,
  DelegationMemberParams,
  DelegationParams,
} from "../../../../contracts/accounts.ts";
import { perform, type ServerDeps, type ZodApp } from "../../../platform/module.ts";
import { addMembership } from "../operations/add-membership.ts";
import { removeMembership } from "../operations/remove-membership.ts";
import { writeErrors } from "./common.ts";

/** Delegation memberships: who sits on which delegation, hence who holds which roles in a process. */
export async function registerMembershipRoutes(app: ZodApp, deps: ServerDeps): Promise<void> {
  app.post(
    "/delegations/:delegationId/members",
    {
      schema: {
        tags: ["accounts"],
        summary: "Put an account on a delegation (administrators, the process's host secretariat)",
        params: DelegationParams,
        body: AddMemberBody,
        response: { 201: DelegationMember, ...writeErrors },
      },
    },
    async (request, reply) => {
      const member = await perform(request, deps.db, addMembership, {
        ...request.body,
        delegationId: request.params.delegationId,
      });
      return reply.status(201).send(member);
    },
  );

  app.delete(
    "/delegations/:delegationId/members/:accountId",
    {
      schema: {
        tags: ["accounts"],
        summary: "Take an account off a delegation (administrators, the process's host secretariat)",
        params: DelegationMemberParams,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      await perform(request, deps.db, removeMembership, request.params);
      return reply.status(204).send(null);
    },
  );
}
