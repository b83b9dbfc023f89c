import { eq } from "drizzle-orm";
import { z } from "zod";
import {
  Account,
  AccountList,
  AccountParams,
  CreateAccountInput,
  Me,
  SetLocaleBody,
  SetupBody,
  UpdateAccountBody,
} from "../../../../contracts/accounts.ts";
import { user } from "../../../platform/auth-schema.ts";
import { deny } from "../../../platform/authz.ts";
import { NotFound } from "../../../platform/errors.ts";
import { perform, type ServerDeps, type ZodApp } from "../../../platform/module.ts";
import { defineRead, registerRead } from "../../../platform/read.ts";
import { mustSetUpSecondFactor } from "../../../platform/request-guards.ts";
import { createAccount } from "../operations/create-account.ts";
import { disableAccount } from "../operations/disable-account.ts";
import { enableAccount } from "../operations/enable-account.ts";
import { setAccountLocale } from "../operations/set-account-locale.ts";
import {
  needsFirstAdministrator,
  setUpFirstAdministrator,
} from "../operations/set-up-first-administrator.ts";
import { updateAccount } from "../operations/update-account.ts";
import { canManageAccounts, processesWhereMembershipsAreManaged } from "../policies.ts";
import { presentAccount } from "../presenters.ts";
import { listAccounts } from "../reads/accounts.ts";
import { writeErrors } from "./common.ts";

/** The first-run setup, accounts, and the signed-in person's own account. */
export async function registerAccountRoutes(app: ZodApp, deps: ServerDeps): Promise<void> {
  registerRead(
    app,
    deps.db,
    defineRead({
      name: "core.setup.get",
      path: "/setup",
      tags: ["accounts"],
      summary: "Whether the first-run setup is open (no administrator exists yet)",
      response: z.object({ needed: z.boolean() }),
      cache: "public",
      load: async (db) => ({ needed: await needsFirstAdministrator(db) }),
    }),
  );

  app.post(
    "/setup",
    {
      schema: {
        tags: ["accounts"],
        summary:
          "Create the first administrator with the one-time token of the setup link printed on the server's console; 403 without it, 409 setup_done once an administrator exists",
        body: SetupBody,
        response: { 201: Account, ...writeErrors },
      },
    },
    async (request, reply) => {
      const created = await perform(request, deps.db, setUpFirstAdministrator, request.body);
      return reply.status(201).send(created);
    },
  );

  registerRead(
    app,
    deps.db,
    defineRead({
      name: "core.account.list",
      path: "/accounts",
      tags: ["accounts"],
      summary: "Every account (administrators)",
      response: AccountList,
      errors: { ...writeErrors },
      cache: "per-actor",
      authorize: canManageAccounts,
      load: (db) => listAccounts(db),
    }),
  );

  app.post(
    "/accounts",
    {
      schema: {
        tags: ["accounts"],
        summary: "Create an account (administrators)",
        body: CreateAccountInput,
        response: { 201: Account, ...writeErrors },
      },
    },
    async (request, reply) => {
      const created = await perform(request, deps.db, createAccount, request.body);
      return reply.status(201).send(created);
    },
  );

  app.patch(
    "/accounts/:id",
    {
      schema: {
        tags: ["accounts"],
        summary: "Change an account's name, language or administrator right (administrators)",
        params: AccountParams,
        body: UpdateAccountBody,
        response: { 200: Account, ...writeErrors },
      },
    },
    async (request) =>
      perform(request, deps.db, updateAccount, { ...request.body, accountId: request.params.id }),
  );

  for (const [verb, operation, summary] of [
    [
      "disable",
      disableAccount,
      "Disable an account: its sessions end at once, sign-in is refused (administrators)",
    ],
    ["enable", enableAccount, "Let a disabled account sign in again (administrators)"],
  ] as const) {
    app.post(
      `/accounts/:id/${verb}`,
      {
        schema: {
          tags: ["accounts"],
          summary,
          params: AccountParams,
          response: { 200: Account, ...writeErrors },
        },
      },
      async (request) => perform(request, deps.db, operation, { accountId: request.params.id }),
    );
  }

  registerRead(
    app,
    deps.db,
    defineRead({
      name: "core.me.get",
      path: "/me",
      tags: ["accounts"],
      summary: "The signed-in account, its memberships and what it may do",
      response: Me,
      errors: { ...writeErrors },
      cache: "per-actor",
      load: async (db, actor) => {
        if (actor.kind !== "account") return deny(actor);
        const [row] = await db.select().from(user).where(eq(user.id, actor.accountId)).limit(1);
        if (!row) throw new NotFound("Account", actor.accountId);
        return {
          ...presentAccount(row),
          memberships: actor.memberships,
          mustSetUpTwoFactor: await mustSetUpSecondFactor(db, deps.config, actor.accountId),
          can: {
            manageAccounts: canManageAccounts(actor),
            manageMembershipsIn: processesWhereMembershipsAreManaged(actor),
          },
        };
      },
    }),
  );

  app.put(
    "/me/locale",
    {
      schema: {
        tags: ["accounts"],
        summary: "Choose the signed-in person's interface language",
        body: SetLocaleBody,
        response: { 200: Account, ...writeErrors },
      },
    },
    async (request) => perform(request, deps.db, setAccountLocale, request.body),
  );
}
