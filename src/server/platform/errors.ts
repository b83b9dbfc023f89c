/**
 * Domain errors. Each has a stable `code` that clients may rely on and the HTTP status it maps to;
 * the one error handler turns them into `{ error: { code, message, details } }`.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(code: string, status: number, message: string, details?: unknown) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.status = status;
    this.details = details ?? null;
  }
}

/** One field that failed a rule, named so a form can show the message beside it. */
export type FieldIssue = { path: (string | number)[]; message: string; code?: string };

/** Input that breaks a rule of the domain (not merely of its shape): 422 with the fields at fault. */
export class ValidationFailed extends DomainError {
  constructor(message: string, issues: FieldIssue[] = []) {
    super("validation_failed", 422, message, { issues });
  }
}

/** Input of the wrong shape: 400 with zod's issues. */
export class BadRequest extends DomainError {
  constructor(message: string, details?: unknown, code = "bad_request") {
    super(code, 400, message, details);
  }
}

/** No session: 401, so the client knows to sign in. */
export class Unauthenticated extends DomainError {
  constructor(message = "Sign in to do this.") {
    super("unauthenticated", 401, message);
  }
}

/** A session whose roles do not allow the operation: 403. */
export class Forbidden extends DomainError {
  constructor(message = "Your role does not allow this.", details?: unknown) {
    super("forbidden", 403, message, details);
  }
}

/**
 * Not there, or not visible to this actor. Records hidden by tier answer exactly like missing ones,
 * so a 404 leaks nothing about what exists in a tier the caller cannot read.
 */
export class NotFound extends DomainError {
  constructor(what: string, id?: string | number) {
    super("not_found", 404, id === undefined ? `${what} not found.` : `${what} ${id} not found.`, {
      what,
      id: id ?? null,
    });
  }
}

/** A state that forbids the change (a duplicate, a transition not allowed from here): 409. */
export class Conflict extends DomainError {
  constructor(message: string, details?: unknown, code = "conflict") {
    super(code, 409, message, details);
  }
}

/** An edit based on an old version: 409 with the current version, so the client can reload and redo. */
export class StaleVersion extends DomainError {
  constructor(what: string, expected: number, current: unknown) {
    super(
      "stale_version",
      409,
      `${what} was changed by someone else since you loaded it (you had version ${expected}). Reload to see the current version and apply your change again.`,
      { expectedVersion: expected, current },
    );
  }
}

/** Too many attempts from one client: 429. */
export class TooManyRequests extends DomainError {
  constructor(message = "Too many attempts. Wait a minute and try again.") {
    super("too_many_requests", 429, message);
  }
}
