import { z } from "zod";
import { Account, CreateAccountInput } from "../../../contracts/accounts.ts";
import { ErrorResponse } from "../../../contracts/platform.ts";
import { deny } from "../../platform/authz.ts";
import { perform, type ServerDeps, type ZodApp } from "../../platform/module.ts";
import { createAccount } from "./operations/create-account.ts";
import { needsFirstAdministrator, setUpFirstAdministrator } from "./operations/set-up-first-administrator.ts";

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};

/** Accounts and the first-run setup. */
export async function registerCoreRoutes(app: ZodApp, deps: ServerDeps): Promise<void> {
  app.get(
    "/setup",
    {
      schema: {
        tags: ["accounts"],
        summary: "Whether the first-run setup is open (no administrator exists yet)",
        response: { 200: z.object({ needed: z.boolean() }) },
      },
    },
    async () => ({ needed: await needsFirstAdministrator(deps.db) }),
  );

  app.post(
    "/setup",
    {
      schema: {
        tags: ["accounts"],
        summary: "Create the first administrator; refused once one exists",
        body: CreateAccountInput.omit({ isAdmin: true }),
        response: { 201: Account, ...errors },
      },
    },
    async (request, reply) => {
      const created = await perform(request, deps.db, setUpFirstAdministrator, request.body);
      return reply.status(201).send(created);
    },
  );

  app.post(
    "/accounts",
    {
      schema: {
        tags: ["accounts"],
        summary: "Create an account (administrators)",
        body: CreateAccountInput,
        response: { 201: Account, ...errors },
      },
    },
    async (request, reply) => {
      const created = await perform(request, deps.db, createAccount, request.body);
      return reply.status(201).send(created);
    },
  );

  app.get(
    "/me",
    {
      schema: {
        tags: ["accounts"],
        summary: "The signed-in account and its memberships",
        response: {
          200: z.object({
            id: z.string(),
            name: z.string(),
            email: z.string(),
            isAdmin: z.boolean(),
            memberships: z.array(
              z.object({
                processId: z.string(),
                delegationId: z.string(),
                participantId: z.string(),
                roles: z.array(z.string()),
              }),
            ),
          }),
          401: ErrorResponse,
        },
      },
    },
    async (request) => {
      const actor = request.actor;
      if (actor.kind !== "account") deny(actor);
      return {
        id: actor.accountId,
        name: actor.name,
        email: actor.email,
        isAdmin: actor.isAdmin,
        memberships: actor.memberships,
      };
    },
  );
}
