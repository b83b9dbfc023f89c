// The architecture's import rules (DESIGN §3), checked by `npm run check` and so by `npm test`.
// A module is a folder under src/server/modules/; its index.ts is the only file others may import.

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "module-through-index",
      severity: "error",
      comment:
        "A module imports another module only through that module's index.ts, so each module can change its insides freely.",
      from: { path: "^src/server/modules/([^/]+)/" },
      to: {
        path: "^src/server/modules/[^/]+/",
        pathNot: ["^src/server/modules/$1/", "^src/server/modules/[^/]+/index\\.ts$"],
      },
    },
    {
      name: "core-imports-no-module",
      severity: "error",
      comment: "core is what every other module builds on; it imports none of them.",
      from: { path: "^src/server/modules/core/" },
      to: { path: "^src/server/modules/", pathNot: "^src/server/modules/core/" },
    },
    {
      name: "platform-imports-no-module",
      severity: "error",
      comment: "The platform serves every module and knows none: modules are handed in through ServerDeps.",
      from: { path: "^src/server/platform/" },
      to: { path: ["^src/server/modules/", "^src/server/modules\\.ts$"] },
    },
    {
      name: "web-shell-imports-no-module",
      severity: "error",
      comment:
        "The web shell serves every module and knows none: modules are handed in through the app's list (src/web/app/modules.ts).",
      from: { path: "^src/web/shell/" },
      to: { path: ["^src/web/modules/", "^src/web/app/"] },
    },
    {
      name: "web-module-through-index",
      severity: "error",
      comment: "A web module uses another only through that module's index.ts, as on the server.",
      from: { path: "^src/web/modules/([^/]+)/" },
      to: {
        path: "^src/web/modules/[^/]+/",
        pathNot: ["^src/web/modules/$1/", "^src/web/modules/[^/]+/index\\.ts$"],
      },
    },
    {
      name: "web-not-to-server",
      severity: "error",
      comment: "The browser app talks to the server over HTTP; it shares only src/contracts.",
      from: { path: "^src/web/" },
      to: { path: "^src/server/" },
    },
    {
      name: "contracts-stand-alone",
      severity: "error",
      comment: "Contracts are shared by server, web and CLI, so they depend on neither server nor web.",
      from: { path: "^src/contracts/" },
      to: { path: ["^src/server/", "^src/web/", "^src/cli/"] },
    },
    {
      name: "no-circular",
      severity: "error",
      comment: "Circular imports make start-up order fragile and modules inseparable.",
      from: {},
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "An import that resolves to nothing is a typo or a missing package.",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: require("node:path").join(__dirname, "tsconfig.json") },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};
