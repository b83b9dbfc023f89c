// The import stages its rows with COPY in CSV form: texts holding what CSV and COPY treat specially
// (quotes, commas, line breaks, backslashes, COPY's `\N` and `\.`, an empty-looking quoted field,
// Arabic) come back exactly as the file gave them, and a missing optional field stays missing.
import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";
import { acledCsv, acledRow, importCsv } from "./helpers.ts";

let app: TestApp;
let fx: ProcessFixture;
withProcessFixture((started) => {
  app = started.app;
  fx = started.fx;
});

type Listed = {
  id: string;
  report: {
    externalId: string;
    location: string | null;
    actor1: string | null;
    actor2: string | null;
    notes: string | null;
    admin: string[];
    sources: { title?: string }[];
  };
};

describe("texts imported through the staging COPY", () => {
  it("are stored exactly as the file wrote them", async () => {
    const notes = 'He said "cease fire", then, later:\nshelling resumed.\r\nPath C:\\new\\N\n\\.\nend';
    const file = acledCsv([
      acledRow({
        event_id_cnty: "SYR-TEXT-1",
        notes,
        location: "Ma'arrat al-Nu'man, \"the old town\"",
        actor1: "\\N",
        actor2: "",
        admin1: "إدلب",
        admin2: "",
        admin3: "",
        source: 'Syrian Observatory; "Enab Baladi"',
      }),
    ]);
    const response = await importCsv(app, fx, file, { dryRun: false });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ valid: 1, inserted: 1 });

    const list = await app.request({
      method: "GET",
      url: `/api/processes/${fx.slug}/incidents`,
      as: fx.as.monitor,
    });
    const found = (list.json().items as Listed[]).find((item) => item.report.externalId === "SYR-TEXT-1");
    // The file's CRLF inside a quoted field is kept as the file has it.
    expect(found?.report).toMatchObject({
      notes,
      location: "Ma'arrat al-Nu'man, \"the old town\"",
      actor1: "\\N",
      actor2: null,
      admin: ["إدلب"],
      sources: [{ title: "Syrian Observatory" }, { title: '"Enab Baladi"' }],
    });
  });
});
