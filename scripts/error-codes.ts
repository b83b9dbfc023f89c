// The inventory of the error codes the server can answer, read from its sources with the TypeScript
// compiler's parser: every `new <error class>(…)` (DomainError, its subclasses in the platform and any
// subclass a module declares), every `errorBody("code", …)` and every `code: "…"` of an object literal in
// the platform's HTTP error handling, and the codes of a bare status (`statusCodes`). Each code is
// attributed to its owner: the platform (translated in the web shell's `errors` namespace) or the server
// module whose folder throws it (translated in that module's web namespace). A code that is not a string
// literal is reported as unreadable, unless it passes on a code made elsewhere (`error.code`, a library's).
// test/platform/error-translations.test.ts asserts every code has a translation.
// `npx node scripts/error-codes.ts [root]` prints the inventory and every missing translation.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/** One place the server can answer an error code. */
export type ErrorCodeUse = {
  code: string;
  /** `platform`, or the server module (`programme`, `texts`, …) whose folder holds the throw. */
  owner: string;
  file: string;
  line: number;
};

/** A place that answers an error whose code the parser cannot read (not a string literal). */
export type UnreadableCode = { file: string; line: number; text: string };

/** Where an error class takes its code: always the same one, or from a constructor parameter. */
type CodeSource = { code: string } | { parameter: number; fallback?: string };

const baseClass = "DomainError";

function* sourceFiles(directory: string): Generator<string> {
  for (const entry of readdirSync(directory)) {
    const full = path.join(directory, entry);
    if (statSync(full).isDirectory()) yield* sourceFiles(full);
    else if (/\.ts$/.test(entry) && !/\.test\.ts$/.test(entry)) yield full;
  }
}

/** The string a literal (or a `const` of this file initialised with one) stands for. */
function literalText(node: ts.Node | undefined, constants: Map<string, string>): string | undefined {
  if (!node) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isIdentifier(node)) return constants.get(node.text);
  return undefined;
}

function fileConstants(source: ts.SourceFile): Map<string, string> {
  const constants = new Map<string, string>();
  const visit = (node: ts.Node) => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer &&
      (ts.isStringLiteral(node.initializer) || ts.isNoSubstitutionTemplateLiteral(node.initializer)) &&
      ts.isVariableDeclarationList(node.parent) &&
      node.parent.flags & ts.NodeFlags.Const
    ) {
      constants.set(node.name.text, node.initializer.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return constants;
}

type ClassInfo = {
  parent: string;
  file: string;
  line: number;
  superArguments: ts.Expression[] | null;
  parameters: string[];
  defaults: Map<string, ts.Expression>;
};

/** Each error-looking class declared in the sources: its parent and how its constructor calls `super`. */
function classesOf(file: string, source: ts.SourceFile, into: Map<string, ClassInfo>): void {
  const visit = (node: ts.Node) => {
    if (ts.isClassDeclaration(node) && node.name) {
      const heritage = node.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword);
      const parent = heritage?.types[0]?.expression;
      if (parent && ts.isIdentifier(parent)) {
        const ctor = node.members.find(ts.isConstructorDeclaration);
        let superArguments: ts.Expression[] | null = null;
        const findSuper = (inner: ts.Node) => {
          if (ts.isCallExpression(inner) && inner.expression.kind === ts.SyntaxKind.SuperKeyword) {
            superArguments = [...inner.arguments];
          }
          ts.forEachChild(inner, findSuper);
        };
        if (ctor?.body) findSuper(ctor.body);
        const parameters = ctor?.parameters.map((parameter) => parameter.name.getText(source)) ?? [];
        const defaults = new Map<string, ts.Expression>();
        for (const parameter of ctor?.parameters ?? []) {
          if (parameter.initializer) defaults.set(parameter.name.getText(source), parameter.initializer);
        }
        into.set(node.name.text, {
          parent: parent.text,
          file,
          line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
          superArguments: ctor ? superArguments : null,
          parameters,
          defaults,
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

/** How each error class (DomainError and every class derived from it) gets its code. */
function codeSources(classes: Map<string, ClassInfo>): Map<string, CodeSource> {
  const sources = new Map<string, CodeSource>([[baseClass, { parameter: 0 }]]);
  let changed = true;
  while (changed) {
    changed = false;
    for (const [name, info] of classes) {
      if (sources.has(name)) continue;
      const parentSource = sources.get(info.parent);
      if (!parentSource) continue;
      changed = true;
      if (info.superArguments === null || "code" in parentSource) {
        sources.set(name, parentSource);
        continue;
      }
      const argument = info.superArguments[parentSource.parameter];
      if (!argument) {
        sources.set(name, parentSource.fallback ? { code: parentSource.fallback } : parentSource);
      } else if (ts.isStringLiteral(argument)) {
        sources.set(name, { code: argument.text });
      } else if (ts.isIdentifier(argument) && info.parameters.includes(argument.text)) {
        const fallback = info.defaults.get(argument.text);
        sources.set(name, {
          parameter: info.parameters.indexOf(argument.text),
          fallback: fallback && ts.isStringLiteral(fallback) ? fallback.text : undefined,
        });
      } else {
        sources.set(name, { parameter: -1 });
      }
    }
  }
  return sources;
}

/**
 * Whether an expression passes on a code made elsewhere (`error.code`, a `code` variable, a library's
 * code in our lower case): such a code is inventoried where it was made, or is the library's.
 */
function relaysCode(node: ts.Expression): boolean {
  return /\b(?:\w+\.)?code\b|\w+Code\b/.test(node.getText());
}

/** The owner of a file's codes: the module whose folder holds it, else the platform. */
function ownerOf(file: string): string {
  return /^src\/server\/modules\/([^/]+)\//.exec(file)?.[1] ?? "platform";
}

/** Every error code the sources under `root/src/server` can answer, and any the parser cannot read. */
export function errorCodeInventory(root: string): { uses: ErrorCodeUse[]; unreadable: UnreadableCode[] } {
  const parsed = [...sourceFiles(path.join(root, "src", "server"))].map((full) => {
    const file = path.relative(root, full).split(path.sep).join("/");
    return {
      file,
      source: ts.createSourceFile(file, readFileSync(full, "utf8"), ts.ScriptTarget.Latest, true),
    };
  });
  const classes = new Map<string, ClassInfo>();
  for (const { file, source } of parsed) classesOf(file, source, classes);
  const sources = codeSources(classes);
  const uses: ErrorCodeUse[] = [];
  const unreadable: UnreadableCode[] = [];
  // A class that fixes its code, or gives it a default, answers that code wherever it is thrown.
  for (const [name, info] of classes) {
    const source = sources.get(name);
    const code = source && ("code" in source ? source.code : source.fallback);
    if (code) uses.push({ code, owner: ownerOf(info.file), file: info.file, line: info.line });
  }
  for (const { file, source } of parsed) {
    const constants = fileConstants(source);
    const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    const add = (code: string, node: ts.Node) =>
      uses.push({ code: code.toLowerCase(), owner: ownerOf(file), file, line: lineOf(node) });
    const visit = (node: ts.Node) => {
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
        const codeSource = sources.get(node.expression.text);
        if (codeSource) {
          if ("code" in codeSource) add(codeSource.code, node);
          else {
            const argument = node.arguments?.[codeSource.parameter];
            const code = argument ? literalText(argument, constants) : codeSource.fallback;
            if (code !== undefined) add(code, node);
            else if (!(argument && relaysCode(argument)))
              unreadable.push({ file, line: lineOf(node), text: node.getText(source).slice(0, 120) });
          }
        }
      }
      if (
        ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === "errorBody"
      ) {
        const code = literalText(node.arguments[0], constants);
        if (code !== undefined) add(code, node);
        else if (!(node.arguments[0] && relaysCode(node.arguments[0])))
          unreadable.push({ file, line: lineOf(node), text: node.getText(source).slice(0, 120) });
      }
      if (
        file.startsWith("src/server/platform/") &&
        ts.isPropertyAssignment(node) &&
        ts.isIdentifier(node.name) &&
        node.name.text === "code"
      ) {
        const code = literalText(node.initializer, constants);
        if (code !== undefined) add(code, node);
      }
      // The codes the platform gives to a bare HTTP status (`statusCodes` in http-errors.ts).
      if (
        ts.isVariableDeclaration(node) &&
        ts.isIdentifier(node.name) &&
        node.name.text === "statusCodes" &&
        node.initializer &&
        ts.isObjectLiteralExpression(node.initializer)
      ) {
        for (const property of node.initializer.properties) {
          const code = ts.isPropertyAssignment(property)
            ? literalText(property.initializer, constants)
            : undefined;
          if (code !== undefined) add(code, property);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { uses, unreadable };
}

const locales = ["en", "ru", "ar"] as const;

/** The web folder whose `locales/` translate a server module's codes (the record's pages are `process`). */
export const webNamespaceOf: Record<string, string> = { platform: "shell", record: "process" };

function localesFolder(root: string, namespace: string): string {
  return namespace === "shell"
    ? path.join(root, "src", "web", "shell", "locales")
    : path.join(root, "src", "web", "modules", namespace, "locales");
}

function readLocale(folder: string, locale: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(path.join(folder, `${locale}.json`), "utf8")) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** A code without a translation in one language, or whose translations disagree on their placeholders. */
export type MissingTranslation = {
  code: string;
  namespace: string;
  locale: string;
  problem: string;
  at: string;
};

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((match) => match[1]).sort();

/**
 * Every error code the server can answer that lacks a translation: a code the platform answers (anywhere)
 * in the shell's `errors`, any other code in the `errors` of its owning module's web namespace, in
 * English, Russian and Arabic, each language with the same `{{placeholders}}` as the English.
 */
export function missingTranslations(root: string): MissingTranslation[] {
  const { uses } = errorCodeInventory(root);
  const platformCodes = new Set(uses.filter((use) => use.owner === "platform").map((use) => use.code));
  const missing: MissingTranslation[] = [];
  const checked = new Set<string>();
  for (const use of uses) {
    const namespace = platformCodes.has(use.code) ? "shell" : (webNamespaceOf[use.owner] ?? use.owner);
    if (checked.has(`${namespace}:${use.code}`)) continue;
    checked.add(`${namespace}:${use.code}`);
    const folder = localesFolder(root, namespace);
    const texts = locales.map((locale) => {
      const errors = readLocale(folder, locale).errors as Record<string, unknown> | undefined;
      return errors?.[use.code];
    });
    const english = typeof texts[0] === "string" ? placeholders(texts[0]).join(",") : null;
    locales.forEach((locale, index) => {
      const text = texts[index];
      const at = `${use.file}:${use.line}`;
      if (typeof text !== "string" || text.trim() === "")
        missing.push({
          code: use.code,
          namespace,
          locale,
          problem: `no ${namespace}:errors.${use.code}`,
          at,
        });
      else if (english !== null && placeholders(text).join(",") !== english)
        missing.push({
          code: use.code,
          namespace,
          locale,
          problem: `placeholders {${placeholders(text).join(",")}} differ from English {${english}}`,
          at,
        });
    });
  }
  return missing;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { uses, unreadable } = errorCodeInventory(path.resolve(process.argv[2] ?? "."));
  for (const use of uses) process.stdout.write(`${use.owner}\t${use.code}\t${use.file}:${use.line}\n`);
  for (const item of unreadable)
    process.stdout.write(`UNREADABLE\t${item.file}:${item.line}\t${item.text}\n`);
  for (const item of missingTranslations(path.resolve(process.argv[2] ?? ".")))
    process.stdout.write(`MISSING\t${item.locale}\t${item.namespace}\t${item.code}\t${item.problem}\n`);
}
