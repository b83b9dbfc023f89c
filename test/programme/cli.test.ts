// `astana programme …` on the demonstration record: round 22's programme (its sourced agenda, no
// session), the scheduler run as a job the command waits for, and a refused publication.
import { describe, expect, it } from "vitest";
import { cliWithDataDir } from "../helpers/cli.ts";

const { astana } = cliWithDataDir("astana-programme-cli-", { DEMO: "on" });

describe("astana programme", () => {
  it("shows round 22's programme, runs the scheduler and waits for it, refuses to publish nothing", async () => {
    const shown = await astana(["programme", "show", "22", "--process", "astana", "--json"]);
    expect(shown.code, shown.stderr).toBe(0);
    const view = JSON.parse(shown.stdout) as {
      agenda: { title: string }[];
      sessions: unknown[];
      agendaAdopted: boolean;
    };
    expect(view.agenda.map((item) => item.title)).toEqual([
      "Confidence-building measures: release of hostages and the search for missing persons",
      "The return of refugees",
      "Post-conflict recovery",
    ]);
    expect(view.agendaAdopted).toBe(true);
    expect(view.sessions).toEqual([]);
    const scheduled = await astana(["programme", "schedule", "22", "--process", "astana", "--budget", "0.5"]);
    expect(scheduled.code, scheduled.stderr).toBe(0);
    expect(scheduled.stdout).toMatch(/^Placed 0 meeting\(s\), moved 0, not placed 0/);
    const requests = await astana(["programme", "requests", "22", "--process", "astana"]);
    expect(requests.stdout.trim()).toBe("No request.");
    const published = await astana(["programme", "publish", "22", "--process", "astana"]);
    expect(published.code).not.toBe(0);
    expect(published.stderr).toContain("no session to publish");
  }, 180_000);
});
