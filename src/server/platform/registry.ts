// The modules this process runs, installed once at start-up (server, CLI, tests) from the one list in
// `server/modules.ts`. The platform imports no module: what it and the modules need of each other's
// manifests (the subject types, the demonstration parts, the operations) is looked up here.
import { BadRequest } from "./errors.ts";
import type { AnyOperation, AppModule, SearchKindDefinition, SubjectTypeDefinition } from "./module.ts";
import type { PresenceRule } from "./presence.ts";

let installed: readonly AppModule[] | undefined;
let subjectTypeRegistry = new Map<string, { module: string; definition: SubjectTypeDefinition }>();

/**
 * Installs the manifests, checking what must be unique across modules: module names, operation
 * names and subject types. A clash is a programming error, so it stops the start-up.
 */
export function installModules(modules: readonly AppModule[]): void {
  const names = new Set<string>();
  const operations = new Set<string>();
  const subjects = new Map<string, { module: string; definition: SubjectTypeDefinition }>();
  const searchKinds = new Set<string>();
  for (const module of modules) {
    if (names.has(module.name)) throw new Error(`two modules are named "${module.name}"`);
    names.add(module.name);
    for (const operation of module.operations ?? []) {
      if (operations.has(operation.name)) throw new Error(`two operations are named "${operation.name}"`);
      operations.add(operation.name);
    }
    for (const kind of Object.keys(module.search ?? {})) {
      if (searchKinds.has(kind)) throw new Error(`the search kind "${kind}" is given by two modules`);
      searchKinds.add(kind);
    }
    for (const [type, definition] of Object.entries(module.subjectTypes ?? {})) {
      const owner = subjects.get(type);
      if (owner) throw new Error(`the subject type "${type}" is given by ${owner.module} and ${module.name}`);
      subjects.set(type, { module: module.name, definition });
    }
  }
  installed = modules;
  subjectTypeRegistry = subjects;
}

/** The installed manifests, in start-up order; refuses before `installModules` ran. */
export function installedModules(): readonly AppModule[] {
  if (!installed) throw new Error("no modules installed: call installModules(appModules) at start-up");
  return installed;
}

/** The presence rule of a subject type (the module that gives it opted in), or undefined. */
export function findPresenceRule(subjectType: string): PresenceRule | undefined {
  for (const module of installedModules()) {
    const rule = module.presence?.[subjectType];
    if (rule) return rule;
  }
  return undefined;
}

/** Every operation of every installed module. */
export function installedOperations(): AnyOperation[] {
  return installedModules().flatMap((module) => [...(module.operations ?? [])]);
}

/** The subject types the record may cite, by name, in the modules' order. */
export function knownSubjectTypes(): string[] {
  installedModules();
  return [...subjectTypeRegistry.keys()];
}

/** The definition of a subject type, or undefined for a type no installed module gives. */
export function findSubjectType(subjectType: string): SubjectTypeDefinition | undefined {
  installedModules();
  return subjectTypeRegistry.get(subjectType)?.definition;
}

/**
 * Refuses (400, `unknown_subject_type`, naming the known types) a subject type no installed module
 * gives, so a typo is answered before any query rather than found as a missing record.
 */
export function assertSubjectType(subjectType: string): void {
  if (findSubjectType(subjectType)) return;
  const known = knownSubjectTypes();
  throw new BadRequest(
    `Unknown subject type "${subjectType}"; known types: ${known.join(", ")}.`,
    { subjectType, known },
    "unknown_subject_type",
  );
}

/** A searchable kind of record, with the module that gives it. */
export type InstalledSearchKind = { kind: string; module: string; definition: SearchKindDefinition };

/** Every searchable kind of every installed module, in the modules' order (kinds are unique across modules). */
export function installedSearchKinds(): InstalledSearchKind[] {
  return installedModules().flatMap((module) =>
    Object.entries(module.search ?? {}).map(([kind, definition]) => ({
      kind,
      module: module.name,
      definition,
    })),
  );
}
