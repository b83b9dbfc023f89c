import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./test/e2e/chromium.ts";

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${port}`;
/** A second server with the demonstration record loaded (DEMO=on), for the process pages' and the memberships' tests. */
const demoPort = Number(process.env.E2E_DEMO_PORT ?? 3212);
const demoURL = `http://localhost:${demoPort}`;
const demoTests = /(process.*|memberships|accessibility)\.spec\.ts/;

/**
 * Browser tests on Debian's Chromium (`apt-get install chromium`; `playwright install` needs the
 * internet). The server runs from a fresh data directory, so the first project walks through the
 * first-run setup and the others build on the administrator it creates.
 */
export default defineConfig({
  testDir: "test/e2e",
  outputDir: "test-results",
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    {
      name: "first-run",
      testMatch: /first-run\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], channel: undefined },
    },
    {
      name: "chromium",
      testIgnore: [/first-run\.spec\.ts/, demoTests],
      dependencies: ["first-run"],
      use: { ...devices["Desktop Chrome"], channel: undefined },
    },
    {
      name: "demo",
      testMatch: demoTests,
      use: { ...devices["Desktop Chrome"], channel: undefined, baseURL: demoURL },
    },
  ],
  webServer: [
    {
      command: `"${process.execPath}" test/e2e/serve.ts`,
      url: `${baseURL}/api/ready`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    },
    {
      command: `"${process.execPath}" test/e2e/serve.ts`,
      url: `${demoURL}/api/ready`,
      env: { E2E_PORT: String(demoPort), E2E_DEMO: "on" },
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    },
  ],
});
