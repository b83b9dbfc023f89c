import { i18n } from "./i18n.ts";
/** A field's message, keyed by the field's path inside the request body ("email", "address.city"). */
export type FieldErrors = Record<string, string>;

/**
 * A failed request, read from the platform's one error shape `{ error: { code, message, details } }`
 * (better-auth's `{ code, message }` too), so pages show the server's message next to the right field.
 */
export class ApiError extends Error {
  override name = "ApiError";
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly fieldErrors: FieldErrors;

  constructor(status: number, code: string, message: string, details: unknown = null) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
    this.fieldErrors = fieldErrorsFrom(details, message);
  }
}

type Issue = { path?: unknown; message?: unknown };

/** Locations the server prefixes to a field's path; the form only knows the field. */
const requestParts = new Set(["body", "querystring", "params", "headers"]);

function fieldErrorsFrom(details: unknown, message: string): FieldErrors {
  const errors: FieldErrors = {};
  // A domain error about one field (e.g. a taken e-mail) names it in `details.field`.
  const field = (details as { field?: unknown } | null)?.field;
  if (typeof field === "string") errors[field] = message;
  const issues = (details as { issues?: unknown } | null)?.issues;
  if (!Array.isArray(issues)) return errors;
  for (const issue of issues as Issue[]) {
    if (!Array.isArray(issue.path) || typeof issue.message !== "string") continue;
    const path = issue.path.map(String).filter((part, index) => !(index === 0 && requestParts.has(part)));
    const key = path.join(".");
    if (key && !(key in errors)) errors[key] = issue.message;
  }
  return errors;
}

async function errorFrom(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string; details?: unknown };
    code?: string;
    message?: string;
  } | null;
  const code = body?.error?.code ?? body?.code ?? `http_${response.status}`;
  const message = body?.error?.message ?? body?.message ?? response.statusText;
  return new ApiError(response.status, code, message, body?.error?.details ?? null);
}

export type RequestOptions = { signal?: AbortSignal; query?: Record<string, string | number | undefined> };

/**
 * Calls the API with the session cookie and JSON both ways. Every non-2xx answer becomes an
 * `ApiError`; a network failure becomes one with the code `network_error`.
 */
export async function apiRequest<T>(
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined && value !== "") url.searchParams.set(key, String(value));
  }
  const sendsBody = method !== "GET";
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: "same-origin",
      // The record's texts come back in the reader's chosen language (and are cached per language).
      headers: {
        accept: "application/json",
        "accept-language": i18n.language || "en",
        ...(sendsBody ? { "content-type": "application/json" } : {}),
      },
      // An empty JSON body is refused by the server, so a body-less POST sends `{}`.
      body: sendsBody ? JSON.stringify(body ?? {}) : undefined,
      signal: options.signal ?? null,
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError(0, "network_error", (error as Error).message);
  }
  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text.length > 0 ? JSON.parse(text) : undefined) as T;
}

/** Shorthands of `apiRequest` by method. */
export const api = {
  get: <T>(path: string, options?: RequestOptions) => apiRequest<T>("GET", path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>("POST", path, body, options),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>("PUT", path, body, options),
  delete: <T>(path: string, options?: RequestOptions) => apiRequest<T>("DELETE", path, undefined, options),
};
