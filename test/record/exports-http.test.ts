// Exports over real HTTP, where a repeated public request is answered from the answer cache in front
// of Fastify: the second download must be the same file (bytes, name, type), Arabic intact.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { readCsv } from "../helpers/exports.ts";
import { type SpawnedServer, spawnServer } from "../helpers/server.ts";

let server: SpawnedServer | undefined;
const dataDir = mkdtempSync(path.join(tmpdir(), "astana-exports-"));
beforeAll(async () => {
  server = await spawnServer({ DATA_DIR: dataDir, DEMO: "on", LOG_LEVEL: "warn" });
}, 180_000);
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it("serves a cached CSV download byte for byte, with its file name and Arabic names", async () => {
  const url = `${server?.baseUrl}/api/processes/astana/export/attendance.csv?lang=ar`;
  const first = await fetch(url, { headers: { "accept-encoding": "identity" } });
  const second = await fetch(url, { headers: { "accept-encoding": "identity" } });
  for (const response of [first, second]) {
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="astana-attendance-ar-/,
    );
  }
  const [a, b] = [Buffer.from(await first.arrayBuffer()), Buffer.from(await second.arrayBuffer())];
  expect(b.equals(a)).toBe(true);
  const rows = readCsv(b.toString("utf8"));
  expect(rows.some((row) => row.participant === "روسيا")).toBe(true);
  const gzipped = await fetch(url, { headers: { "accept-encoding": "gzip" } });
  expect(Buffer.from(await gzipped.arrayBuffer()).equals(a)).toBe(true);
}, 60_000);
