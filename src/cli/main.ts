import { RunAgain, runProgram, setRunAgainWhenBusy } from "./common.ts";
import { buildProgram } from "./program.ts";
import { throughRunningServer } from "./remote.ts";

// While a server holds the embedded database, a command is sent to it instead of opening the database.
// If a server took the database between the look at its lock and the opening, the command (which has
// touched nothing yet) is run again, and so goes through that server.
for (let attempt = 1; ; attempt++) {
  const program = buildProgram();
  program.hook("preAction", throughRunningServer);
  setRunAgainWhenBusy(attempt < 3);
  try {
    await runProgram(program, process.argv, "node");
    break;
  } catch (error) {
    if (!(error instanceof RunAgain)) throw error;
  }
}
