/**
 * The server the browser tests run against: `astana serve --build-web-if-needed` on a fresh temporary
 * data directory (so the first-run setup is open), removed again when Playwright stops the server.
 * Without the demonstration record unless E2E_DEMO=on. The setup link the server prints on its
 * console is copied to a file the tests read (`setupLinkFile` in helpers.ts), as an operator would
 * copy it from the terminal.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), "astana-e2e-"));

const port = process.env.E2E_PORT ?? "3210";
const linkFile = path.join(tmpdir(), `astana-e2e-setup-${port}.url`);
rmSync(linkFile, { force: true });

// As `npm start` runs it: the bundled server, bundled and built first when stale.
const server = spawn(process.execPath, ["scripts/start.ts", "serve", "--build-web-if-needed"], {
  cwd: root,
  stdio: ["inherit", "pipe", "inherit"],
  env: {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: process.env.E2E_PORT ?? "3210",
    HOST: "127.0.0.1",
    PUBLIC_URL: `http://localhost:${process.env.E2E_PORT ?? "3210"}`,
    // The process pages' tests run on a second server with the demonstration record (E2E_DEMO=on).
    DEMO: process.env.E2E_DEMO ?? "off",
    LOG_LEVEL: "warn",
    // Every test signs in from the same address; the limit itself is tested by the API suite.
    AUTH_RATE_LIMIT_PER_MINUTE: "1000",
    SIGN_IN_REQUESTS_PER_MINUTE: "100000",
    // Imports may be held per job when a test asks (header x-astana-test-hold); none is held otherwise.
    ASTANA_TEST_HOLD_JOBS: process.env.ASTANA_TEST_HOLD_JOBS ?? "followup.import:0",
  },
});

server.stdout?.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  const link = /https?:\/\/\S+\/setup\?token=[A-Za-z0-9_-]+/.exec(chunk.toString())?.[0];
  if (link) writeFileSync(linkFile, link, { mode: 0o600 });
});

const cleanUp = () => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(linkFile, { force: true });
};
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code, signal) => {
  cleanUp();
  process.exit(code ?? (signal ? 1 : 0));
});
