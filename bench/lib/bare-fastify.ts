// The bare baseline: Fastify with no logging, no hooks and no database, answering fixed bytes per path.
import { readFileSync } from "node:fs";
import Fastify from "fastify";
import type { BareAnswer } from "./processes.ts";

const [file, port] = process.argv.slice(2);
const answers = JSON.parse(readFileSync(file ?? "", "utf8")) as Record<string, BareAnswer>;
const app = Fastify({ logger: false });
app.get("/ready", async () => "ok");
for (const [url, answer] of Object.entries(answers)) {
  const body = Buffer.from(answer.body, "latin1");
  app.get(url, (_request, reply) => {
    reply.header("content-type", answer.contentType);
    for (const [name, value] of Object.entries(answer.headers ?? {})) reply.header(name, value);
    reply.send(body);
  });
}
await app.listen({ port: Number(port), host: "127.0.0.1" });
process.once("SIGTERM", () => void app.close().then(() => process.exit(0)));
