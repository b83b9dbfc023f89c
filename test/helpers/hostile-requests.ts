// Hostile requests generated from the OpenAPI document: for one operation, a request built from its
// schemas (path parameters, query, JSON body), then mutated with values a careless or malicious
// client sends. Used by test/platform/hostile-input.test.ts.
import fc from "fast-check";
import {
  encode,
  hostilePathSegments,
  hostileQueryValues,
  hostileValue,
  toJsonText,
} from "./hostile-values.ts";

type JsonSchema = Record<string, unknown>;
export type OpenApiDocument = {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};
export type OpenApiOperation = {
  parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};

/** One operation of the document, as the generator needs it. */
export type Endpoint = {
  method: string;
  path: string;
  pathParams: string[];
  /** For each path parameter: its schema, and the resource named by the segment before it (`rounds`). */
  pathSchemas: { schema: JsonSchema; resource: string | null }[];
  query: { name: string; schema: JsonSchema }[];
  body: JsonSchema | null;
};

/** A request ready to send: the address already percent-encoded, the body as raw JSON text. */
export type HostileRequest = { method: string; url: string; payload?: string; contentType?: string };

/** Every operation (method + path) of the document, with its schemas resolved. */
export function endpointsOf(doc: OpenApiDocument): Endpoint[] {
  const endpoints: Endpoint[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const parameters = operation.parameters ?? [];
      const body = operation.requestBody?.content?.["application/json"]?.schema;
      endpoints.push({
        method: method.toUpperCase(),
        path,
        pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string),
        pathSchemas: [...path.matchAll(/([^/]*)\/\{([^}]+)\}/g)].map((match) => ({
          schema: resolve(
            doc,
            parameters.find((parameter) => parameter.in === "path" && parameter.name === match[2])?.schema ??
              {},
          ),
          resource: match[1] && !match[1].startsWith("{") ? match[1] : null,
        })),
        query: parameters
          .filter((parameter) => parameter.in === "query")
          .map((parameter) => ({ name: parameter.name, schema: resolve(doc, parameter.schema ?? {}) })),
        body: body ? resolve(doc, body) : null,
      });
    }
  }
  return endpoints;
}

/** Replaces `$ref`s by the schemas they name (the document's own components; no cycles in ours). */
function resolve(doc: OpenApiDocument, schema: JsonSchema, depth = 0): JsonSchema {
  if (depth > 12) return {};
  const ref = schema.$ref;
  if (typeof ref === "string") {
    const name = ref.split("/").pop() ?? "";
    return resolve(doc, doc.components?.schemas?.[name] ?? {}, depth + 1);
  }
  const out: JsonSchema = { ...schema };
  for (const key of ["anyOf", "oneOf", "allOf"]) {
    if (Array.isArray(schema[key]))
      out[key] = (schema[key] as JsonSchema[]).map((item) => resolve(doc, item, depth + 1));
  }
  if (schema.items && typeof schema.items === "object")
    out.items = resolve(doc, schema.items as JsonSchema, depth + 1);
  if (schema.properties && typeof schema.properties === "object") {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties as Record<string, JsonSchema>).map(([key, value]) => [
        key,
        resolve(doc, value, depth + 1),
      ]),
    );
  }
  return out;
}

const dates = ["2017-01-23", "2024-11-11", "2024-02-29"];

/** A plausible value for a schema: what a well-behaved client sends (ids from the records that exist). */
function validValue(schema: JsonSchema, name: string, ids: string[], depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  if ("const" in schema) return fc.constant(schema.const);
  for (const key of ["anyOf", "oneOf"]) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) {
      return fc.oneof(...(options as JsonSchema[]).map((option) => validValue(option, name, ids, depth + 1)));
    }
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0)
    return validValue(schema.allOf[0] as JsonSchema, name, ids, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string": {
      if (schema.format === "date") return fc.constantFrom(...dates);
      if (schema.format === "date-time") return fc.constant("2024-11-11T10:00:00Z");
      if (schema.format === "uri") return fc.constantFrom("https://example.org/a", "https://mfa.gov.kz/x");
      if (schema.format === "email") return fc.constantFrom("someone@example.org", "admin@example.org");
      if (/id$|ids$|slug|participant/i.test(name) && ids.length > 0) return fc.constantFrom(...ids);
      const maxLength = Math.min(typeof schema.maxLength === "number" ? schema.maxLength : 40, 40);
      const minLength = Math.min(typeof schema.minLength === "number" ? schema.minLength : 0, maxLength);
      if (typeof schema.pattern === "string") {
        try {
          return fc
            .stringMatching(new RegExp(schema.pattern))
            .filter((text) => text.length >= minLength && text.length <= maxLength);
        } catch {
          // a pattern fast-check cannot read: fall through to plain text
        }
      }
      return fc.string({ minLength: Math.max(minLength, 1), maxLength: Math.max(maxLength, 1) });
    }
    case "integer":
    case "number": {
      const min = typeof schema.minimum === "number" ? schema.minimum : 0;
      const max = typeof schema.maximum === "number" ? Math.min(schema.maximum, min + 1000) : min + 1000;
      return fc.integer({ min, max });
    }
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const items = (schema.items as JsonSchema | undefined) ?? {};
      const minLength = typeof schema.minItems === "number" ? Math.min(schema.minItems, 3) : 0;
      return fc.array(validValue(items, name, ids, depth + 1), {
        minLength,
        maxLength: Math.max(minLength, 3),
      });
    }
    case "object": {
      const properties = (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
      const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
      const shape = Object.fromEntries(
        Object.entries(properties).map(([key, value]) => [key, validValue(value, key, ids, depth + 1)]),
      );
      return fc.record(shape, { requiredKeys: [...required].filter((key) => key in properties) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Every place inside a value a mutation may replace: [] is the value itself. */
function placesIn(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(path);
  if (path.length > 5) return out;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) placesIn(item, [...path, index], out);
  } else if (value && typeof value === "object")
    for (const [key, item] of Object.entries(value)) placesIn(item, [...path, key], out);
  return out;
}

function replaceAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head] = replaceAt(copy[head], rest, replacement);
  return copy;
}

const mutation = fc.record({
  kind: fc.constantFrom("replace", "replace", "replace", "unknown-field", "proto", "wrap-in-array", "whole"),
  at: fc.nat(),
  value: hostileValue,
});

/** The resource a path names last (`/api/processes/{id}/rounds` → `rounds`), to file the ids it answers. */
export function resourceOf(path: string): string {
  return (
    path
      .split("/")
      .filter((segment) => segment && !segment.startsWith("{"))
      .pop() ?? ""
  );
}

/** The resource an id field names (`roundDelegationId` → `round-delegations`, `processId` → `processes`). */
export function resourceOfField(field: string): string {
  const noun = field
    .slice(0, -2)
    .replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
    .replace(/^-/, "");
  return noun.endsWith("s") ? `${noun}es` : `${noun}s`;
}

/**
 * Requests for one operation: path parameters from the records that exist or hostile segments; a
 * plausible query and body, then one to three mutations (a field replaced by a hostile value, an
 * unknown field, `__proto__`, the body wrapped in an array or replaced whole), and hostile query values.
 */
export function hostileRequests(
  endpoint: Endpoint,
  ids: string[],
  idsOf: (resource: string) => string[],
): fc.Arbitrary<HostileRequest> {
  const idSegments = ids.length > 0 ? ids.map(encode) : ["unknown"];
  const pathArb = fc.tuple(
    ...endpoint.pathSchemas.map(({ schema, resource }) => {
      const enumerated = Array.isArray(schema.enum) ? (schema.enum as string[]).map(encode) : [];
      const fitting = resource ? idsOf(resource).map(encode) : [];
      const plausible = enumerated.length > 0 ? enumerated : fitting.length > 0 ? fitting : idSegments;
      return fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...plausible) },
        { weight: 1, arbitrary: fc.constantFrom(...idSegments) },
        { weight: 2, arbitrary: fc.constantFrom(...hostilePathSegments) },
      );
    }),
  );
  const queryShape = Object.fromEntries(
    endpoint.query.map(({ name, schema }) => [name, validValue(schema, name, ids).map(encode)]),
  );
  const queryArb = fc.record({
    valid: fc.record(queryShape, { requiredKeys: [] }),
    hostile: fc.array(
      fc.record({
        name: fc.constantFrom(...endpoint.query.map((item) => item.name), "unknown", "__proto__", "q[]"),
        value: fc.constantFrom(...hostileQueryValues),
      }),
      { maxLength: 2 },
    ),
  });
  const bodyArb = endpoint.body
    ? fc.record({
        base: validValue(endpoint.body, "body", ids),
        mutations: fc.array(mutation, { minLength: 0, maxLength: 3 }),
      })
    : fc.constant(null);
  return fc.record({ segments: pathArb, query: queryArb, body: bodyArb }).map(({ segments, query, body }) => {
    let index = 0;
    const path = endpoint.path.replace(/\{[^}]+\}/g, () => segments[index++] as string);
    const pairs = [
      ...Object.entries(query.valid).map(([name, value]) => `${name}=${value}`),
      ...query.hostile.map(({ name, value }) => `${encodeURIComponent(name)}=${value}`),
    ];
    const url = pairs.length > 0 ? `${path}?${pairs.join("&")}` : path;
    if (!body) return { method: endpoint.method, url };
    let payload: unknown = body.base;
    for (const change of body.mutations) payload = mutate(payload, change);
    return { method: endpoint.method, url, payload: toJsonText(payload), contentType: "application/json" };
  });
}

function mutate(payload: unknown, change: { kind: string; at: number; value: unknown }): unknown {
  const isObject = payload !== null && typeof payload === "object" && !Array.isArray(payload);
  switch (change.kind) {
    case "replace": {
      const places = placesIn(payload).filter((place) => place.length > 0);
      if (places.length === 0) return change.value;
      return replaceAt(payload, places[change.at % places.length] as (string | number)[], change.value);
    }
    case "unknown-field":
      return isObject ? { ...(payload as object), unexpectedField: change.value } : payload;
    case "proto":
      return isObject
        ? { ...(payload as object), ...JSON.parse('{"__proto__":{"isAdmin":true,"tier":"public"}}') }
        : payload;
    case "wrap-in-array":
      return [payload];
    default:
      return change.value;
  }
}

/** An answer as the hostile-input test reads it. */
export type HostileAnswer = { status: number; contentType: string; body: string };

/** What is wrong with an answer to a hostile request, or null: a 5xx, or a 4xx outside the one shape. */
export function problemWith(answer: HostileAnswer): string | null {
  if (answer.status >= 500) return `answered ${answer.status}: ${answer.body.slice(0, 300)}`;
  if (answer.status < 400) return null;
  if (!answer.contentType.startsWith("application/json")) return `${answer.status} as ${answer.contentType}`;
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    return `${answer.status} whose body is not JSON: ${answer.body.slice(0, 200)}`;
  }
  const outer = body as { error?: Record<string, unknown> } | null;
  const error = outer?.error;
  const shaped =
    error !== null &&
    typeof error === "object" &&
    Object.keys(outer as object).join() === "error" &&
    Object.keys(error).sort().join() === "code,details,message" &&
    typeof error.code === "string" &&
    /^[a-z0-9_]+$/.test(error.code) &&
    typeof error.message === "string" &&
    error.message.length > 0;
  return shaped ? null : `${answer.status} outside the error shape: ${answer.body.slice(0, 300)}`;
}
