import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildProgram } from "../../src/cli/program.ts";
import { citeSource } from "../../src/server/modules/record/index.ts";
import { appModules } from "../../src/server/modules.ts";
import { systemActor } from "../../src/server/platform/authz.ts";
import { runOperation } from "../../src/server/platform/operation.ts";
import {
  installedModules,
  installedOperations,
  installModules,
  knownSubjectTypes,
} from "../../src/server/platform/registry.ts";
import { notesModule } from "../fixtures/notes-module/module.ts";
import { createTestAccount, startTestApp, type TestApp } from "../helpers/app.ts";

// The README's promise: a new module is its own folder plus one line on the server's list. A
// throwaway module (test/fixtures/notes-module: a table, an operation, a route, a CLI command and a
// subject type) is added with one line, and each of its parts is found working.

let app: TestApp;
let admin: string;
beforeAll(async () => {
  installModules([...appModules, notesModule]); // the one line
  app = await startTestApp();
  await createTestAccount(app.database.db, { email: "admin@example.org", isAdmin: true });
  admin = await app.signIn("admin@example.org", "correct horse battery");
});
afterAll(async () => {
  await app?.close();
  installModules(appModules);
});

describe("a module added with one line", () => {
  it("serves its routes, listed in the OpenAPI document, through the platform's operations", async () => {
    const created = await app.request({
      method: "POST",
      url: "/api/notes",
      as: admin,
      payload: { title: "A note of the new module" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const note = created.json();
    const read = await app.request({ method: "GET", url: `/api/notes/${note.id}` });
    expect(read.json()).toMatchObject({ title: "A note of the new module", tier: "public" });
    const refused = await app.request({ method: "POST", url: "/api/notes", payload: { title: "x" } });
    expect(refused.statusCode).toBe(401);
    const openapi = (await app.request({ method: "GET", url: "/api/openapi.json" })).json();
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(["/api/notes", "/api/notes/{id}"]));
    const audit = await app.request({ method: "GET", url: "/api/audit", as: admin });
    expect(JSON.stringify(audit.json())).toContain("notes.note.add");
  });

  it("lets the record cite its subjects, with its tier rule, and names it among the known types", async () => {
    expect(knownSubjectTypes()).toContain("note");
    expect(installedOperations().map((operation) => operation.name)).toContain("notes.note.add");
    const secret = await app.request({
      method: "POST",
      url: "/api/notes",
      as: admin,
      payload: { title: "For the guarantors only", tier: "guarantors" },
    });
    const open = await app.request({
      method: "POST",
      url: "/api/notes",
      as: admin,
      payload: { title: "Open" },
    });
    await runOperation({ db: app.database.db }, citeSource, systemActor("test"), {
      subjectType: "note",
      subjectId: open.json().id,
      field: "",
      source: { url: "https://example.org/notes/1", title: "Where the note comes from" },
    });
    const record = await app.request({ method: "GET", url: `/api/record/note/${open.json().id}` });
    expect(record.statusCode, record.body).toBe(200);
    expect(record.json().subject).toMatchObject({ subjectType: "note", label: "Open" });
    expect(record.json().citations.subject[0]).toMatchObject({ url: "https://example.org/notes/1" });
    const hidden = await app.request({ method: "GET", url: `/api/record/note/${secret.json().id}` });
    expect(hidden.statusCode).toBe(404);
    const unknown = await app.request({ method: "GET", url: "/api/record/notes_typo/x" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: "unknown_subject_type" });
    expect(unknown.json().error.details.known).toEqual(expect.arrayContaining(["round", "fact", "note"]));
  });

  it("adds its astana subcommand, which runs its operation as the CLI", async () => {
    const program = buildProgram(installedModules());
    expect(program.commands.map((command) => command.name())).toContain("notes");
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "astana-notes-cli-"));
    const saved = { ...process.env };
    const printed: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      printed.push(String(chunk));
      return true;
    });
    try {
      Object.assign(process.env, {
        DATA_DIR: dataDir,
        DEMO: "off",
        DATABASE_URL: "",
        SESSION_SECRET: "test-secret-test-secret-test-secret-0123456789",
      });
      await program.parseAsync(["notes", "add", "--title", "From the command line", "--json"], {
        from: "user",
      });
      expect(process.exitCode ?? 0).toBe(0);
    } finally {
      spy.mockRestore();
      process.env = saved;
      process.exitCode = 0;
      rmSync(dataDir, { recursive: true, force: true });
    }
    expect(JSON.parse(printed.join(""))).toMatchObject({ title: "From the command line", tier: "public" });
  });

  it("needs no other file: migration generation reads every module's schema.ts by its folder", () => {
    const config = readFileSync("drizzle.config.ts", "utf8");
    expect(config).toContain("./src/server/modules/*/schema.ts");
    for (const module of appModules.filter((candidate) => candidate.tables)) {
      expect(readFileSync(`src/server/modules/${module.name}/schema.ts`, "utf8")).toContain("pgTable(");
    }
  });
});
