#!/usr/bin/env node
// The `astana` command. Runs the TypeScript CLI directly (Node 24 strips types); use it through npx or
// npm scripts so the pinned Node 24 is the one that runs it.
await import("../src/cli/main.ts");
