import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { errorCodeInventory, missingTranslations } from "../../scripts/error-codes.ts";

const root = path.resolve(import.meta.dirname, "../..");

describe("every error code the server answers is translated", () => {
  const { uses, unreadable } = errorCodeInventory(root);

  it("reads the code of every error the server makes", () => {
    expect(unreadable, "give these errors their code as a string literal").toEqual([]);
  });

  it("finds the platform's codes and each module's own", () => {
    const codes = (owner: string) =>
      new Set(uses.filter((use) => use.owner === owner).map((use) => use.code));
    for (const code of [
      "invalid_input",
      "malformed_json",
      "payload_too_large",
      "unsupported_media_type",
      "route_not_found",
      "not_found",
      "stale_version",
      "too_many_requests",
      "validation_failed",
      "headers_too_large",
    ])
      expect(codes("platform"), code).toContain(code);
    expect(codes("programme")).toContain("programme_conflict");
    expect(codes("texts")).toContain("text_frozen");
    expect(codes("followup")).toContain("invalid_polygon");
    expect(codes("humanitarian")).toContain("ratio_not_met");
    expect(codes("record")).toContain("already_cited");
  });

  it("has a translation of each in English, Russian and Arabic, with the same placeholders", () => {
    const missing = missingTranslations(root).map(
      (item) =>
        `${item.locale} ${item.namespace}:errors.${item.code} (${item.problem}; thrown at ${item.at})`,
    );
    expect(missing).toEqual([]);
  });
});

describe("the check fails when a code is added without translations", () => {
  const copy = mkdtempSync(path.join(tmpdir(), "astana-error-codes-"));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it("names a new module code, a new subclass's code and a new platform code", () => {
    cpSync(path.join(root, "src"), path.join(copy, "src"), {
      recursive: true,
      filter: (source) => !source.includes(`${path.sep}node_modules`),
    });
    const operations = path.join(copy, "src", "server", "modules", "programme", "operations");
    mkdirSync(operations, { recursive: true });
    writeFileSync(
      path.join(operations, "new-refusal.ts"),
      [
        'import { Conflict, DomainError } from "../../../platform/errors.ts";',
        "class RoomFlooded extends DomainError {",
        '  constructor() { super("room_flooded", 409, "The room is flooded."); }',
        "}",
        "export function refuse(which: number) {",
        '  if (which === 1) throw new Conflict("The room is closed.", null, "room_closed");',
        "  throw new RoomFlooded();",
        "}",
      ].join("\n"),
    );
    writeFileSync(
      path.join(copy, "src", "server", "platform", "new-guard.ts"),
      'import { DomainError } from "./errors.ts";\nexport const refusal = () => new DomainError("moon_phase", 400, "Wrong phase of the moon.");\n',
    );
    const missing = missingTranslations(copy).map((item) => `${item.locale} ${item.namespace}:${item.code}`);
    expect(missing.sort()).toEqual(
      [
        "ar programme:room_closed",
        "en programme:room_closed",
        "ru programme:room_closed",
        "ar programme:room_flooded",
        "en programme:room_flooded",
        "ru programme:room_flooded",
        "ar shell:moon_phase",
        "en shell:moon_phase",
        "ru shell:moon_phase",
      ].sort(),
    );
  });

  it("names an error whose code is not a literal", () => {
    const file = path.join(copy, "src", "server", "modules", "texts", "dynamic.ts");
    writeFileSync(
      file,
      'import { Conflict } from "../../platform/errors.ts";\nexport const refuse = (what: string) => new Conflict("No.", null, what + "_refused");\n',
    );
    expect(errorCodeInventory(copy).unreadable.map((item) => item.file)).toContain(
      "src/server/modules/texts/dynamic.ts",
    );
  });
});
