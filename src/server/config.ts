import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { loadPersonalDataKey, PersonalDataKeyError } from "./platform/personal-data.ts";

const onOff = z
  .enum(["on", "off", "true", "false", "1", "0"])
  .transform((value) => value === "on" || value === "true" || value === "1");

/** A whole number written in digits only: "1e3", "0x50", " 80" and "Infinity" are refused, not coerced. */
const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, "must be a whole number written in digits")
    .transform(Number)
    .pipe(z.int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const port = wholeNumber(0, 65535);

/**
 * ASTANA_TEST_HOLD_JOBS, for test servers only: `kind:milliseconds` pairs, comma-separated
 * (`followup.import:3000`): a job of that kind waits that long, running, before its work, or until
 * cancelled (platform/jobs.ts), so a browser test can cancel it from the page.
 */
const jobHolds = z
  .string()
  .regex(
    /^[a-z][\w.-]*:\d{1,5}(,[a-z][\w.-]*:\d{1,5})*$/,
    "must be job-kind:milliseconds pairs separated by commas, e.g. followup.import:3000",
  )
  .transform((value) =>
    Object.fromEntries(
      value.split(",").map((pair) => {
        const [kind = "", ms = "0"] = pair.split(":");
        return [kind, Number(ms)];
      }),
    ),
  );

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
    .regex(/^postgres(ql)?:\/\/./, "must be a postgres:// or postgresql:// address")
    .refine((value) => URL.canParse(value), "must be a postgres:// or postgresql:// address")
    .optional(),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, message: "must be an absolute http:// or https:// address" })
    .optional(),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  DEMO: onOff.default(true),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TRUST_PROXY: onOff.default(false),
  BODY_LIMIT_BYTES: wholeNumber(1024, 50 * 1024 * 1024).default(1024 * 1024),
  AUTH_RATE_LIMIT_PER_MINUTE: wholeNumber(1, 10000).default(10),
  SIGN_IN_REQUESTS_PER_MINUTE: wholeNumber(1, 100000).default(100),
  SIGN_IN_FAILURES_PER_ACCOUNT: wholeNumber(1, 1000).default(5),
  SIGN_IN_FAILURES_PER_ADDRESS: wholeNumber(1, 100000).default(50),
  SIGN_IN_LOCKOUT_MINUTES: wholeNumber(1, 24 * 60).default(15),
  REQUIRE_ADMIN_TWO_FACTOR: onOff.default(false),
  SERVE_WEB: onOff.default(true),
  ASTANA_PERSONAL_DATA_KEY: z.string().min(1).optional(),
  ASTANA_PERSONAL_DATA_KEY_FILE: z.string().min(1).optional(),
  ASTANA_TEST_HOLD_JOBS: jobHolds.optional(),
});

export type Environment = z.infer<typeof environmentSchema>;

export type Config = Environment & {
  dataDir: string;
  publicUrl: string;
  secureCookies: boolean;
  sessionSecret: string;
  /** The AES-256 key of personal data at rest (platform/personal-data.ts): never in the database. */
  personalDataKey: Buffer;
  database: { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };
};

/** Raised when the environment cannot configure a server; the message names every bad variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
  /** The environment variables at fault, e.g. ["PORT"]. */
  readonly variables: string[];

  constructor(message: string, variables: string[]) {
    super(message);
    this.variables = variables;
  }
}

/**
 * Reads and validates the environment. Refuses to return a configuration with a bad value, so the
 * server never starts half-configured.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(stripEmpty(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    const variables = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))];
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`, variables);
  }
  const values = parsed.data;
  if (values.ASTANA_TEST_HOLD_JOBS && env.NODE_ENV === "production")
    throw new ConfigError(
      "Invalid configuration:\n  ASTANA_TEST_HOLD_JOBS: a test servers' hold on background jobs; refused with NODE_ENV=production",
      ["ASTANA_TEST_HOLD_JOBS"],
    );
  const dataDir = path.resolve(values.DATA_DIR);
  const publicUrl = (values.PUBLIC_URL ?? `http://localhost:${values.PORT}`).replace(/\/$/, "");
  return {
    ...values,
    dataDir,
    publicUrl,
    secureCookies: publicUrl.startsWith("https://"),
    sessionSecret: values.SESSION_SECRET ?? readOrCreateSecret(dataDir),
    personalDataKey: personalDataKeyOf(values, dataDir, env.NODE_ENV === "production"),
    database: values.DATABASE_URL
      ? { kind: "postgres", url: values.DATABASE_URL }
      : { kind: "pglite", dataDir: path.join(dataDir, "pglite") },
  };
}

function personalDataKeyOf(values: Environment, dataDir: string, production: boolean): Buffer {
  try {
    return loadPersonalDataKey({
      key: values.ASTANA_PERSONAL_DATA_KEY,
      keyFile: values.ASTANA_PERSONAL_DATA_KEY_FILE,
      dataDir,
      production,
    });
  } catch (error) {
    if (error instanceof PersonalDataKeyError)
      throw new ConfigError(`Invalid configuration:\n  ${error.message}`, error.variables);
    throw error;
  }
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
 * Two processes starting at once agree on one secret: the file appears whole or not at all.
 */
function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, "session-secret");
  const existing = readSecret(file);
  if (existing !== undefined) return existing;
  const secret = randomBytes(48).toString("base64url");
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  try {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(draft, `${secret}\n`, { mode: 0o600, flag: "wx" });
    linkSync(draft, file);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readSecret(file) ?? secret;
    throw new ConfigError(
      `Invalid configuration:\n  DATA_DIR: cannot keep the session secret in ${dataDir} (${(error as Error).message}); make it writable or set SESSION_SECRET`,
      ["DATA_DIR"],
    );
  } finally {
    rmSync(draft, { force: true });
  }
}

function readSecret(file: string): string | undefined {
  let content: string;
  try {
    content = readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new ConfigError(
      `Invalid configuration:\n  DATA_DIR: cannot read the session secret ${file} (${(error as Error).message})`,
      ["DATA_DIR"],
    );
  }
  if (content.length < 32) {
    throw new ConfigError(
      `Invalid configuration:\n  DATA_DIR: the session secret ${file} is shorter than 32 characters; delete it to have a new one made (this signs everyone out) or set SESSION_SECRET`,
      ["DATA_DIR", "SESSION_SECRET"],
    );
  }
  return content;
}
