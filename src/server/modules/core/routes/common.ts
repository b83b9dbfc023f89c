import { z } from "zod";
import { ErrorResponse } from "../../../../contracts/platform.ts";
import { RecordRef } from "../../../../contracts/process.ts";

/** The error answers every write of the process record may give, for the OpenAPI document. */
export const writeErrors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};
export const readErrors = { 400: ErrorResponse, 404: ErrorResponse };

/** A record named in the path by its id (or, for processes and participants, its slug). */
export const IdParams = z.object({ id: RecordRef });
