// `astana programme …`: a round's programme as text, its requests, running the scheduler, publishing.
import type { Command } from "commander";
import { json, roundSelector } from "../../../cli/options.ts";
import { act, output } from "../../../cli/session.ts";
import * as contracts from "../../../contracts/programme.ts";
import { getJob, JobRunner, presentJob } from "../../platform/jobs.ts";
import { roundRef } from "../core/index.ts";
import { publishProgramme } from "./operations/publish-programme.ts";
import { runSchedule } from "./operations/run-schedule.ts";
import { loadProgramme } from "./reads/programme.ts";
import { listRequests } from "./reads/requests.ts";

type RoundOptions = { process?: string; number?: number };

/** `astana programme show|requests|schedule|publish`, each calling the same operation or read as its route. */
export function registerProgrammeCommands(program: Command): void {
  const programme = program
    .command("programme")
    .description("A round's programme: sessions, requests, the scheduler");
  json(
    roundSelector(programme.command("show").description("The round's programme (programme.programme.get)")),
  ).action(
    act(async (s, o: RoundOptions, [number]) =>
      output(
        (await loadProgramme(s.db, s.actor, await roundRef(s, number, o))).view,
        () => contracts.ProgrammeView,
        (view) =>
          view.sessions.length === 0
            ? `No session yet (${view.status}).`
            : [
                `Programme (${view.status})`,
                ...view.sessions.map(
                  (session) =>
                    `${session.startsAt.slice(0, 16).replace("T", " ")}–${session.endsAt.slice(11, 16)}  ${(session.room?.name ?? "—").padEnd(10)} ${session.kind.padEnd(16)} ${session.title}${session.locked ? " (locked)" : ""}`,
                ),
              ].join("\n"),
      ),
    ),
  );
  json(
    roundSelector(
      programme.command("requests").description("The round's consultation requests (programme.request.list)"),
    ),
  ).action(
    act(async (s, o: RoundOptions, [number]) =>
      output(
        await listRequests(s.db, s.actor, await roundRef(s, number, o)),
        () => contracts.RequestList,
        (list) =>
          list.items.length === 0
            ? "No request."
            : list.items
                .map(
                  (r) =>
                    `${r.id}  ${r.state.padEnd(9)} ${r.requester.name} → ${r.invitees.map((i) => i.name).join(", ")} (${r.durationMinutes} min, ${r.preference})`,
                )
                .join("\n"),
      ),
    ),
  );
  json(
    roundSelector(
      programme.command("schedule").description("Run the scheduler and wait for it (programme.schedule.run)"),
    ).option("--budget <seconds>", "the time budget in seconds", "10"),
  ).action(
    act(async (s, o: RoundOptions & { budget: string }, [number]) => {
      // Inside a running server (the CLI acts through it) the server's runner takes the job; on a
      // database the command opened itself, this runner does. Either way the command waits for it.
      const runner = new JobRunner(s.db);
      await runner.start({ recover: false });
      try {
        const budgetSeconds = Number(o.budget);
        const { jobId } = await s.run(runSchedule, { roundId: await roundRef(s, number, o), budgetSeconds });
        const deadline = Date.now() + (budgetSeconds + 120) * 1000;
        let job = presentJob(await getJob(s.db, s.actor, jobId), s.actor);
        while ((job.state === "queued" || job.state === "running") && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 200));
          job = presentJob(await getJob(s.db, s.actor, jobId), s.actor);
        }
        const result = (job.result ?? {}) as { placed?: number; moved?: number; unplaced?: unknown[] };
        return output(
          job,
          null,
          (done) =>
            done.state === "succeeded"
              ? `Placed ${result.placed ?? 0} meeting(s), moved ${result.moved ?? 0}, not placed ${result.unplaced?.length ?? 0} (job ${done.id}).`
              : `The scheduler ${done.state}: ${done.error?.message ?? ""}`,
          job.state === "succeeded" ? 0 : 1,
        );
      } finally {
        await runner.stop();
      }
    }),
  );
  json(
    roundSelector(
      programme.command("publish").description("Publish the programme (programme.programme.publish)"),
    ),
  ).action(
    act(async (s, o: RoundOptions, [number]) =>
      output(
        await s.run(publishProgramme, { roundId: await roundRef(s, number, o) }),
        () => contracts.Published,
        (published) => `Published ${published.published} session(s).`,
      ),
    ),
  );
}
