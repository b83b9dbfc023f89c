import { defineConfig } from "drizzle-kit";

// Every module's tables are its own `schema.ts` (handed to the platform in its manifest as `tables`);
// the platform's tables and better-auth's beside them. A new module's folder is picked up by the glob.
export default defineConfig({
  dialect: "postgresql",
  schema: [
    "./src/server/platform/schema.ts",
    "./src/server/platform/auth-schema.ts",
    "./src/server/modules/*/schema.ts",
  ],
  out: "./migrations",
});
