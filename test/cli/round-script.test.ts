import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exitCodes } from "../../src/cli/common.ts";
import { answer, astana } from "./run.ts";

const dataDir = mkdtempSync(path.join(tmpdir(), "astana-cli-script-"));
const env = { DATA_DIR: path.join(dataDir, "data"), DEMO: "off" };
const run = (...args: string[]) => astana(env, args);
const runWithInput = (input: string, ...args: string[]) => astana(env, args, input);

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

// One realistic script, in order, on one empty database: each step is a new process (seconds each on
// a busy machine), so the steps share the state the previous ones built, as an operator's script would.
describe("a secretariat's script: round 23 from planning to the printed list of participants", () => {
  let russiaDelegationId = "";

  it("plans, invites, takes members, accredits, announces and prints the list", {
    timeout: 400_000,
  }, async () => {
    expect(
      (
        await run(
          "participants",
          "create",
          "--slug",
          "kazakhstan",
          "--kind",
          "state",
          "--name",
          "Kazakhstan",
          "--name-ru",
          "Казахстан",
        )
      ).code,
    ).toBe(0);
    const russia = answer(
      await run(
        "participants",
        "create",
        "--slug",
        "russia",
        "--kind",
        "state",
        "--name",
        "Russian Federation",
        "--name-ru",
        "Российская Федерация",
        "--short-name",
        "Russia",
        "--json",
      ),
    );
    expect(russia).toMatchObject({ slug: "russia", shortName: "Russia", roles: [], can: { update: true } });

    const process = answer(
      await run(
        "processes",
        "create",
        "--slug",
        "astana",
        "--name",
        "Astana format",
        "--host",
        "kazakhstan",
        "--guarantor",
        "russia",
        "--city",
        "Astana",
        "--json",
      ),
    );
    expect(process).toMatchObject({
      slug: "astana",
      host: { slug: "kazakhstan" },
      guarantors: [expect.objectContaining({ slug: "russia" })],
    });

    // No --process: the database holds one process, and the commands use it.
    const planned = answer(
      await run(
        "rounds",
        "plan",
        "23",
        "--name",
        "Astana 23",
        "--start",
        "2025-05-12",
        "--end",
        "2025-05-13",
        "--json",
      ),
    ) as {
      version: number;
    };
    expect(planned).toMatchObject({ number: 23, status: "planned", city: "Astana", startDate: "2025-05-12" });

    // No name: the contract the API and the form use refuses it, naming the field.
    const unnamed = await run("rounds", "plan", "30");
    expect(unnamed.code).toBe(exitCodes.refused);
    expect(unnamed.stderr).toContain("names");
    expect(unnamed.stderr).toContain("in English");

    const twice = await run("rounds", "plan", "--number", "23", "--name", "Astana 23", "--process", "astana");
    expect(twice.code).toBe(exitCodes.refused);
    expect(twice.stderr).toContain('"field": "number"');

    const updated = answer(
      await run(
        "rounds",
        "update",
        "23",
        "--version",
        String(planned.version),
        "--venue",
        "Independence Palace",
        "--json",
      ),
    );
    expect(updated).toMatchObject({ venue: "Independence Palace", version: planned.version + 1 });
    const stale = await run(
      "rounds",
      "update",
      "23",
      "--version",
      String(planned.version),
      "--city",
      "Almaty",
    );
    expect(stale.code).toBe(exitCodes.refused);
    expect(stale.stderr).toContain("stale_version");

    const invited = answer(await run("delegations", "invite", "23", "--participant", "russia", "--json")) as {
      delegationId: string;
    };
    expect(invited).toMatchObject({ status: "invited", role: "guarantor", participant: { slug: "russia" } });
    russiaDelegationId = invited.delegationId;
    expect((await run("delegations", "invite", "23", "--participant", "kazakhstan")).code).toBe(0);

    const membersFile = path.join(dataDir, "russia.json");
    writeFileSync(
      membersFile,
      JSON.stringify([
        {
          nameLatin: "Alexander Lavrentyev",
          nameNative: "Александр Лаврентьев",
          title: "Special Envoy",
          isHead: true,
        },
        { nameLatin: "Sergey Vershinin", nameNative: "Сергей Вершинин", title: "Deputy Foreign Minister" },
      ]),
    );
    const submitted = answer(
      await run("delegations", "submit", "23", "--participant", "russia", "--members", membersFile, "--json"),
    );
    expect(submitted).toMatchObject({
      status: "submitted",
      head: { nameLatin: "Alexander Lavrentyev" },
      members: [expect.anything(), expect.objectContaining({ nameLatin: "Sergey Vershinin" })],
    });
    const fromStdin = await runWithInput(
      JSON.stringify({ members: [{ nameLatin: "Kairat Umarov", isHead: true }] }),
      "delegations",
      "submit",
      "23",
      "--participant",
      "kazakhstan",
    );
    expect(fromStdin.code, fromStdin.stderr).toBe(0);
    expect(fromStdin.stdout).toContain("submitted");

    expect(
      answer(await run("delegations", "accredit", "23", "--participant", "russia", "--json")),
    ).toMatchObject({
      status: "accredited",
    });
    expect(
      answer(
        await run(
          "delegations",
          "request-changes",
          "23",
          "--participant",
          "kazakhstan",
          "--note",
          "Add titles.",
          "--json",
        ),
      ),
    ).toMatchObject({ status: "changes_requested", secretariatNote: "Add titles." });

    const announced = await run(
      "rounds",
      "announce",
      "23",
      "--published",
      "2025-04-20",
      "--text",
      "Astana, 12–13 May.",
    );
    expect(announced.code, announced.stderr).toBe(0);
    expect(announced.stdout).toContain("announced");

    // The API's shape exactly: GET /api/processes/astana/rounds answers { processId, items, can }.
    const list = answer(await run("rounds", "list", "--process", "astana", "--json"));
    expect(list).toEqual({
      processId: expect.any(String),
      items: [
        expect.objectContaining({
          number: 23,
          status: "announced",
          venue: "Independence Palace",
          participants: expect.objectContaining({ guarantor: [expect.objectContaining({ slug: "russia" })] }),
        }),
      ],
      can: { plan: true },
    });

    const htmlFile = path.join(dataDir, "list-ru.html");
    const printed = answer(
      await run(
        "delegations",
        "participants-list",
        "23",
        "--lang",
        "ru",
        "--order",
        "english_alphabetical",
        "--html",
        htmlFile,
        "--json",
      ),
    );
    expect(printed).toMatchObject({
      roundNumber: 23,
      order: "english_alphabetical",
      entries: [expect.objectContaining({ position: 1 })],
    });
    const html = readFileSync(htmlFile, "utf8");
    expect(html).toContain("Список участников");
    expect(html).toContain("Александр Лаврентьев");
    expect(html).not.toContain("Kairat Umarov");

    const badOrder = await run("delegations", "participants-list", "23", "--order", "by-size");
    expect(badOrder.code).toBe(exitCodes.usage);
    expect(badOrder.stderr).toContain("english_alphabetical");
  });

  it("records decisions, roles, meetings, sources and memberships with the same operations", {
    timeout: 300_000,
  }, async () => {
    const launched = answer(
      await run(
        "processes",
        "launch",
        "--decided-on",
        "2017-01-23",
        "--decided-by",
        "Russia, Türkiye and Iran",
        "--text",
        "The guarantors convene the first international meeting.",
        "--json",
      ),
    );
    expect(launched).toMatchObject({
      decisions: [expect.objectContaining({ kind: "launch", decidedOn: "2017-01-23" })],
    });

    const change = answer(
      await run(
        "roles",
        "change",
        "--participant",
        "russia",
        "--role",
        "guarantor",
        "--change",
        "statement",
        "--on",
        "2025-05-13",
        "--round",
        "23",
        "--statement",
        "Russia welcomes the meeting.",
        "--json",
      ),
    );
    expect(change).toMatchObject({
      roleChanges: [
        expect.objectContaining({
          change: "statement",
          roundNumber: 23,
          participant: expect.objectContaining({ slug: "russia" }),
        }),
      ],
    });

    const meeting = answer(
      await run(
        "meetings",
        "create",
        "--slug",
        "ministerial-2025",
        "--kind",
        "ministerial",
        "--name",
        "Ministerial meeting",
        "--city",
        "Astana",
        "--start",
        "2025-06-01",
        "--participant",
        "russia:guarantor",
        "kazakhstan:host",
        "--json",
      ),
    );
    expect(meeting).toMatchObject({
      slug: "ministerial-2025",
      participants: expect.arrayContaining([
        expect.objectContaining({
          role: "host",
          participant: expect.objectContaining({ slug: "kazakhstan" }),
        }),
      ]),
    });

    const cited = answer(
      await run(
        "record",
        "cite",
        "--round",
        "23",
        "--field",
        "dates",
        "--url",
        "https://www.mfa.kz/en/astana-23",
        "--title",
        "Announcement",
        "--language",
        "en",
        "--json",
      ),
    );
    expect(cited).toMatchObject({ subjectType: "round", field: "dates", source: { publisher: "mfa.kz" } });

    expect((await run("rounds", "plan", "24", "--name", "Astana 24")).code).toBe(0);
    const postponed = await run(
      "rounds",
      "postpone",
      "24",
      "--reason",
      "At the guarantors' request",
      "--start",
      "2025-09-01",
      "--end",
      "2025-09-02",
    );
    expect(postponed.code, postponed.stderr).toBe(0);
    expect(postponed.stdout).toContain("postponed");
    expect(answer(await run("rounds", "cancel", "24", "--reason", "Superseded", "--json"))).toMatchObject({
      status: "cancelled",
      statusReason: "Superseded",
      startDate: "2025-09-01",
    });

    const account = await runWithInput(
      "correct horse battery\n",
      "user",
      "create",
      "--email",
      "envoy@example.org",
      "--name",
      "Envoy",
    );
    expect(account.code, account.stderr).toBe(0);
    const member = answer(
      await run(
        "memberships",
        "add",
        "--delegation",
        russiaDelegationId,
        "--account",
        "envoy@example.org",
        "--position",
        "head",
        "--json",
      ),
    );
    expect(member).toMatchObject({ delegationId: russiaDelegationId, position: "head" });
  });
});
