import { z } from "zod";
import { RecordRef } from "../../../../contracts/process.ts";

export { readErrors, writeErrors } from "../../../platform/module.ts";

/** A record named in the path by its id (or, for processes and participants, its slug). */
export const IdParams = z.object({ id: RecordRef });
