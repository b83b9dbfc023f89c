// Used only by `npm run auth:schema` to generate src/server/platform/auth-schema.ts with better-auth's CLI.
import { drizzle } from "drizzle-orm/node-postgres";
import { createAuth } from "../src/server/platform/auth.ts";

export const auth = createAuth({
  db: drizzle.mock(),
  secret: "x".repeat(32),
  publicUrl: "http://localhost:3000",
  secureCookies: false,
  signInAttemptsPerMinute: 10,
  signInRequestsPerMinute: 100,
});
