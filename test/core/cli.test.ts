import { describe, expect, it } from "vitest";
import { cliWithDataDir } from "../helpers/cli.ts";

const cli = cliWithDataDir("astana-cli-", { DEMO: "off" });

/** Runs `astana …` as an operator would, on a temporary data directory with no demonstration data. */
const astana = (...args: string[]) => cli.astana(args);

describe("astana processes, participants and rounds", () => {
  it("plans, lists, announces, postpones and cancels rounds through the same operations as the API", {
    timeout: 240_000,
  }, async () => {
    expect(
      (
        await astana(
          "participants",
          "create",
          "--slug",
          "kazakhstan",
          "--kind",
          "state",
          "--name",
          "Kazakhstan",
        )
      ).code,
    ).toBe(0);
    const created = await astana(
      "processes",
      "create",
      "--slug",
      "astana",
      "--name",
      "Astana format",
      "--host",
      "kazakhstan",
      "--city",
      "Astana",
    );
    expect(created.code, created.stderr).toBe(0);

    const planned = await astana(
      "rounds",
      "plan",
      "--process",
      "astana",
      "--number",
      "23",
      "--start",
      "2025-05-12",
      "--end",
      "2025-05-13",
      "--json",
    );
    expect(planned.code, planned.stderr).toBe(0);
    expect(JSON.parse(planned.stdout)).toMatchObject({ number: 23, status: "planned", city: "Astana" });

    const twice = await astana("rounds", "plan", "--process", "astana", "--number", "23");
    expect(twice.code).toBe(4);
    expect(twice.stderr).toContain('"field": "number"');

    const announced = await astana(
      "rounds",
      "announce",
      "--process",
      "astana",
      "--number",
      "23",
      "--published",
      "2025-04-20",
      "--text",
      "Astana, 12-13 May.",
    );
    expect(announced.code, announced.stderr).toBe(0);
    expect(announced.stdout).toContain("announced");

    const postponed = await astana(
      "rounds",
      "postpone",
      "--process",
      "astana",
      "--number",
      "23",
      "--reason",
      "At the guarantors' request",
      "--start",
      "2025-06-02",
      "--end",
      "2025-06-03",
    );
    expect(postponed.code, postponed.stderr).toBe(0);

    const list = await astana("rounds", "list", "--process", "astana", "--json");
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({
        number: 23,
        status: "postponed",
        statusReason: "At the guarantors' request",
        startDate: "2025-06-02",
      }),
    ]);

    const cancelled = await astana(
      "rounds",
      "cancel",
      "--process",
      "astana",
      "--number",
      "23",
      "--reason",
      "Superseded",
      "--json",
    );
    expect(JSON.parse(cancelled.stdout)).toMatchObject({ status: "cancelled", statusReason: "Superseded" });
    const processes = await astana("processes", "list", "--json");
    expect(JSON.parse(processes.stdout)).toEqual([
      expect.objectContaining({ slug: "astana", host: expect.objectContaining({ slug: "kazakhstan" }) }),
    ]);
    const participants = await astana("participants", "list");
    expect(participants.stdout).toContain("kazakhstan");
  });
});
