// How a command names a process and a round: `--process astana` (or the only process there is) and
// a round by its number. Offered to every module's commands through core's index.
import { UsageError } from "../../../../cli/common.ts";
import { type RoundOptions, roundNumber } from "../../../../cli/options.ts";
import type { Session } from "../../../../cli/session.ts";
import { listProcesses } from "../reads/processes.ts";
import { findRoundIdByNumber } from "../reads/rounds.ts";

/** The process named by --process, or the only one there is; otherwise a usage error naming the choices. */
export async function processRef(session: Session, given: string | undefined): Promise<string> {
  if (given) return given;
  const { items } = await listProcesses(session.db, session.actor);
  const [only] = items;
  if (only && items.length === 1) return only.slug;
  throw new UsageError(
    items.length === 0
      ? "There is no process yet: create one with `astana processes create`."
      : `Name the process with --process (one of: ${items.map((item) => item.slug).join(", ")}).`,
  );
}

/** The id of the round named by its number (argument or --number) in --process, if the actor may see it. */
export async function roundRef(
  session: Session,
  argument: string | undefined,
  options: RoundOptions,
): Promise<string> {
  return findRoundIdByNumber(
    session.db,
    session.actor,
    await processRef(session, options.process),
    roundNumber(argument, options),
  );
}
