// A light first page: the public process page loaded in Chromium (Debian's), summing the compressed bytes
// of the JavaScript it fetched (encodedBodySize from resource timing), and what loads when the
// secretariat's workspace is opened. Target: ≤ 250 KB compressed on the first public page.
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../test/e2e/chromium.ts";
import { startAstana } from "./lib/processes.ts";

export type PageWeight = { firstPageJsBytes: number; firstPageFiles: number; allBytes: number };

/** Loads `/processes/astana` (the page the press opens) in a fresh browser and reads its transfer sizes. */
export async function measurePageWeight(): Promise<PageWeight> {
  // The web app as the sources now stand: built first when they changed since the last build.
  const astana = await startAstana({ env: { SERVE_WEB: "on" }, serveOptions: ["--build-web-if-needed"] });
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage();
    await page.goto(`${astana.url}/processes/astana`, { waitUntil: "networkidle" });
    const entries = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .map((entry) => entry as PerformanceResourceTiming)
        .map((entry) => ({ name: entry.name, type: entry.initiatorType, bytes: entry.encodedBodySize })),
    );
    const scripts = entries.filter((entry) => /\.m?js(\?|$)/.test(entry.name));
    return {
      firstPageJsBytes: scripts.reduce((sum, entry) => sum + entry.bytes, 0),
      firstPageFiles: scripts.length,
      allBytes: entries.reduce((sum, entry) => sum + entry.bytes, 0),
    };
  } finally {
    await browser.close();
    await astana.stop();
  }
}

if (import.meta.main) process.stdout.write(`${JSON.stringify(await measurePageWeight())}\n`);
