import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";
import { acledCsv, acledRow, createIdlibZone } from "./helpers.ts";

// The ACLED import as a browser sends it: over a real socket, the file as the body (text/csv). Injected
// requests carry no socket, so they missed that the platform's input guard walked the request stream
// itself (its socket's references loop) and refused every real upload as "nested too deep".

let app: TestApp;
let fx: ProcessFixture;
withProcessFixture((started) => {
  ({ app, fx } = started);
});

describe("the ACLED import over HTTP", () => {
  it("checks a file streamed over a socket, then imports its valid rows", async () => {
    await createIdlibZone(app, fx);
    const address = await app.app.listen({ port: 0, host: "127.0.0.1" });
    const csv = acledCsv([
      acledRow({ event_id_cnty: "SYR-HTTP-1" }),
      acledRow({ event_id_cnty: "SYR-HTTP-2", latitude: 200 }),
    ]);
    const send = (dryRun: boolean) =>
      fetch(`${address}/api/processes/${fx.slug}/incidents/import-acled?dryRun=${dryRun}`, {
        method: "POST",
        headers: { "content-type": "text/csv", cookie: fx.as.monitor ?? "", origin: app.config.publicUrl },
        body: csv,
      });
    const checked = await send(true);
    expect(checked.status, await checked.clone().text()).toBe(200);
    expect(await checked.json()).toMatchObject({ dryRun: true, rows: 2, valid: 1, rejected: 1, inserted: 0 });
    const imported = await send(false);
    expect(imported.status, await imported.clone().text()).toBe(200);
    expect(await imported.json()).toMatchObject({ dryRun: false, inserted: 1, attributed: 1 });
  });
});
