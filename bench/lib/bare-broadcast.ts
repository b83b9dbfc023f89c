// The bare baseline for live updates: node:http holding event streams and writing one message to all of
// them when POST /trigger arrives, with nothing else (no database, no tiers, no framework).
import { createServer, type ServerResponse } from "node:http";

const port = Number(process.argv[2]);
const streams = new Set<ServerResponse>();
let id = 0;
const server = createServer((req, res) => {
  if (req.method === "POST" && req.url?.startsWith("/trigger")) {
    const marker = new URL(req.url, "http://x").searchParams.get("marker") ?? "";
    id += 1;
    const message = `id: ${id}\nevent: bench\ndata: ${JSON.stringify({ id, marker })}\n\n`;
    for (const stream of streams) stream.write(message);
    res.end("ok");
    return;
  }
  if (req.url === "/ready") {
    res.end("ok");
    return;
  }
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  res.write(": connected\n\n");
  streams.add(res);
  res.on("close", () => streams.delete(res));
});
server.listen(port, "127.0.0.1");
process.once("SIGTERM", () => process.exit(0));
