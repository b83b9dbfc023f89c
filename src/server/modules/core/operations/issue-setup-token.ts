import { randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { verification } from "../../../platform/auth-schema.ts";
import { Conflict } from "../../../platform/errors.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { isSystem } from "../policies.ts";
import {
  hashSetupToken,
  needsFirstAdministrator,
  setupTokenIdentifier,
  setupTokenLifetimeMs,
} from "./shared/setup-token.ts";

/**
 * core.setup.issue-token: at start-up, while no administrator exists, the server makes a one-time
 * token (256 random bits, stored hashed) for the setup link it prints on its console. Only whoever
 * sees that console (the operator) can create the first administrator; an anonymous visitor who
 * finds the server first cannot. Links printed by earlier starts stay valid until one is used.
 */
export const issueSetupToken = defineOperation({
  name: "core.setup.issue-token",
  input: z.strictObject({}),
  authorize: (actor) => isSystem(actor),
  scope: () => ({ subjectType: "setup", tier: "process", processId: null }),
  run: async (ctx) => {
    if (!(await needsFirstAdministrator(ctx.tx))) {
      throw new Conflict("This platform already has an administrator.", null, "setup_done");
    }
    const token = randomBytes(32).toString("base64url");
    const now = new Date();
    await ctx.tx.insert(verification).values({
      id: randomUUID(),
      identifier: setupTokenIdentifier,
      value: hashSetupToken(token),
      expiresAt: new Date(now.getTime() + setupTokenLifetimeMs),
      createdAt: now,
      updatedAt: now,
    });
    ctx.audit({ data: { expiresAt: new Date(now.getTime() + setupTokenLifetimeMs).toISOString() } });
    return { token };
  },
});
