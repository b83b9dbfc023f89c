// "Who else is viewing" a draft: its readers see each other appear and disappear within a second or
// two; a party, an observer and the public, even asking to watch it, learn nothing and are not listed.
import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { readEventStream, viewerHeaders } from "../helpers/event-stream.ts";
import { type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";
import { buildTextsCast, earlierStatement } from "./helpers.ts";

let app: TestApp;
let fx: ProcessFixture;
withProcessFixture((started) => ({ app, fx } = started));

type Viewer = { person: string; delegation: string };

/** Opens an event stream watching a subject; collects its presence messages. */
async function watch(baseUrl: string, cookie: string | undefined, subject: string) {
  const stream = await readEventStream(
    `${baseUrl}/api/events?watch=${encodeURIComponent(subject)}`,
    viewerHeaders(cookie),
  );
  const lists = () =>
    [...stream.text().matchAll(/event: presence\ndata: (.*)\n/g)].map(
      (match) => JSON.parse(match[1] ?? "{}").viewers as Viewer[],
    );
  return { ...stream, latest: () => lists().at(-1) };
}

async function until(condition: () => boolean, ms = 2000): Promise<number> {
  const started = performance.now();
  while (!condition() && performance.now() - started < ms) await new Promise((r) => setTimeout(r, 20));
  return performance.now() - started;
}

describe("who else is viewing a draft", () => {
  it("lists the draft's viewers live to its readers only", async () => {
    const cast = await buildTextsCast(app, fx);
    await app.app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.app.server.address();
    if (!address || typeof address === "string") throw new Error("no port");
    const baseUrl = `http://127.0.0.1:${address.port}`;
    const created = await app.request({
      method: "POST",
      url: `/api/rounds/${cast.roundId}/texts`,
      as: cast.as.secretariat,
      payload: { kind: "joint_statement", title: "Presence", plainText: earlierStatement },
    });
    const subject = `text_document:${created.json().id}`;

    const turkiye = await watch(baseUrl, cast.turkiye, subject);
    const outsiders = {
      party: await watch(baseUrl, cast.as.party, subject),
      observer: await watch(baseUrl, cast.as.observer, subject),
      public: await watch(baseUrl, undefined, subject),
    };
    const secretariat = await watch(baseUrl, cast.as.secretariat, subject);

    const delegations = () => (turkiye.latest() ?? []).map((viewer) => viewer.delegation).sort();
    const appeared = await until(() => delegations().length === 2);
    expect(delegations()).toEqual(["Kazakhstan", "Türkiye"]);
    expect(appeared).toBeLessThan(2000);
    expect(
      secretariat
        .latest()
        ?.map((viewer) => viewer.delegation)
        .sort(),
    ).toEqual(["Kazakhstan", "Türkiye"]);
    expect(turkiye.latest()?.every((viewer) => viewer.person.length > 0)).toBe(true);

    secretariat.close();
    const left = await until(() => delegations().length === 1);
    expect(delegations()).toEqual(["Türkiye"]);
    expect(left).toBeLessThan(2000);

    for (const [who, stream] of Object.entries(outsiders)) {
      expect(stream.text(), who).not.toContain("event: presence");
      expect(stream.text(), who).not.toContain("Türkiye");
      stream.close();
    }
    // A stream watching something it may not see is otherwise an ordinary stream: no error, no hint.
    expect(outsiders.party.text()).toContain(": connected");
    turkiye.close();
  });
});
