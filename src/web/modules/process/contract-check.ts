// Compile-time proof that the pages' types (types.ts) accept what the server's contracts promise, so a
// change of a contract that would break a page fails `tsc` instead of a reader's page.
import type { z } from "zod";
import type * as core from "../../../contracts/process.ts";
import type * as record from "../../../contracts/record.ts";
import type * as pages from "./types.ts";

type Accepts<Contract, Page> = Contract extends Page ? true : false;

export const coreContractChecks: [
  Accepts<z.infer<typeof core.ProcessList>, pages.ProcessList>,
  Accepts<core.ProcessDetail, pages.ProcessDetail>,
  Accepts<z.infer<typeof core.RoundList>, pages.RoundList>,
  Accepts<core.RoundDetail, pages.RoundDetail>,
  Accepts<core.RoundDelegation, pages.RoundDelegation>,
  Accepts<z.infer<typeof core.ParticipantList>, pages.ParticipantList>,
  Accepts<core.ParticipantDetail, pages.ParticipantDetail>,
  Accepts<core.Meeting, pages.Meeting>,
] = [true, true, true, true, true, true, true, true];

export const recordContractChecks: [
  Accepts<record.SubjectRecord, pages.SubjectRecord>,
  Accepts<record.Timeline, pages.Timeline>,
  Accepts<record.AttendanceMatrix, pages.AttendanceMatrix>,
  Accepts<z.infer<typeof record.ProcessConflicts>, pages.ProcessConflicts>,
  Accepts<z.infer<typeof record.SourceDetail>, pages.SourceDetail>,
] = [true, true, true, true, true];
