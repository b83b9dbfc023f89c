import {
  ApiToken,
  ApiTokenList,
  ApiTokenParams,
  CreateApiTokenBody,
  CreatedApiToken,
} from "../../../../contracts/accounts.ts";
import { deny } from "../../../platform/authz.ts";
import { perform, type ServerDeps, type ZodApp } from "../../../platform/module.ts";
import { createApiToken } from "../operations/create-api-token.ts";
import { revokeApiToken } from "../operations/revoke-api-token.ts";
import { listOwnApiTokens } from "../reads/accounts.ts";
import { writeErrors } from "./common.ts";

/** The signed-in person's personal API tokens: list, create (shown once), revoke. */
export async function registerApiTokenRoutes(app: ZodApp, deps: ServerDeps): Promise<void> {
  app.get(
    "/me/tokens",
    {
      schema: {
        tags: ["accounts"],
        summary: "The signed-in person's API tokens (never their values)",
        response: { 200: ApiTokenList, ...writeErrors },
      },
    },
    async (request) => {
      const actor = request.actor;
      if (actor.kind !== "account") return deny(actor);
      return listOwnApiTokens(deps.db, actor.accountId);
    },
  );

  app.post(
    "/me/tokens",
    {
      schema: {
        tags: ["accounts"],
        summary:
          "Create a personal API token for scripts (Authorization: Bearer …); its value is shown this once",
        body: CreateApiTokenBody,
        response: { 201: CreatedApiToken, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await perform(request, deps.db, createApiToken, request.body)),
  );

  app.delete(
    "/me/tokens/:id",
    {
      schema: {
        tags: ["accounts"],
        summary: "Revoke one of one's API tokens; it stops working at once",
        params: ApiTokenParams,
        response: { 200: ApiToken, ...writeErrors },
      },
    },
    async (request) => perform(request, deps.db, revokeApiToken, { tokenId: request.params.id }),
  );
}
