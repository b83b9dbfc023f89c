// `npm start`: bundles the server when the bundle is missing or older than its sources, then runs the
// bundled `astana` with the arguments given (by default `serve --build-web-if-needed`, which also builds
// the web app and the database template when they are missing). The bundle starts several times faster
// than the sources: Node reads one file instead of resolving thousands; and Node keeps the bundle's
// compiled code in dist/.compile-cache, so a restart does not compile it again.
import { enableCompileCache } from "node:module";
import { pathToFileURL } from "node:url";
import { buildServerBundle, serverBundleFile, serverBundleIsStale } from "../src/server/build.ts";
import { projectPath } from "../src/server/paths.ts";

enableCompileCache(projectPath("dist", ".compile-cache"));

if (serverBundleIsStale()) {
  process.stdout.write("Bundling the server (first start, or its sources changed)…\n");
  await buildServerBundle();
}
const args = process.argv.slice(2);
process.argv = [
  process.argv[0] ?? "node",
  serverBundleFile,
  ...(args.length > 0 ? args : ["serve", "--build-web-if-needed"]),
];
await import(pathToFileURL(serverBundleFile).href);
