import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const onOff = z
  .enum(["on", "off", "true", "false", "1", "0"])
  .transform((value) => value === "on" || value === "true" || value === "1");

const port = z.coerce.number().int().min(0).max(65535);

/**
 * Every environment variable the server reads, with its default. The README's configuration table
 * documents the same list; a value that does not parse stops start-up naming the variable.
 */
export const environmentSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// address")
    .optional(),
  PUBLIC_URL: z.url({ message: "must be an absolute http(s) address" }).optional(),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  DEMO: onOff.default(true),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TRUST_PROXY: onOff.default(false),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(1024 * 1024),
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10000).default(10),
  SERVE_WEB: onOff.default(true),
});

export type Environment = z.infer<typeof environmentSchema>;

export type Config = Environment & {
  dataDir: string;
  publicUrl: string;
  secureCookies: boolean;
  sessionSecret: string;
  database: { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };
};

/** Raised when the environment cannot configure a server; the message names every bad variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Reads and validates the environment. Refuses to return a configuration with a bad value, so the
 * server never starts half-configured.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(stripEmpty(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const values = parsed.data;
  const dataDir = path.resolve(values.DATA_DIR);
  const publicUrl = (values.PUBLIC_URL ?? `http://localhost:${values.PORT}`).replace(/\/$/, "");
  return {
    ...values,
    dataDir,
    publicUrl,
    secureCookies: publicUrl.startsWith("https://"),
    sessionSecret: values.SESSION_SECRET ?? readOrCreateSecret(dataDir),
    database: values.DATABASE_URL
      ? { kind: "postgres", url: values.DATABASE_URL }
      : { kind: "pglite", dataDir: path.join(dataDir, "pglite") },
  };
}

function stripEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  const result: Record<string, string> = {};
  for (const key of Object.keys(environmentSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== "") result[key] = value;
  }
  return result;
}

/**
 * The session secret signs every session cookie, so it must survive restarts: it is generated once
 * and kept in the data directory (readable by its owner only) unless SESSION_SECRET supplies one.
 */
function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, "session-secret");
  try {
    const existing = readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
