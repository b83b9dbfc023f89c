// The platform's presence hub: one message per burst of joins, each person listed once, and nothing
// to (or about) a watcher whose rule no longer lets it watch.
import { describe, expect, it } from "vitest";
import { type Actor, anonymous } from "../../src/server/platform/authz.ts";
import { PresenceHub, parseWatches } from "../../src/server/platform/presence.ts";

const person = (key: string, name: string, delegation: string) => {
  const actor: { current: Actor } = { current: { kind: "system", label: key } as unknown as Actor };
  const messages: string[] = [];
  return {
    actor,
    messages,
    watcher: {
      actor: () => actor.current,
      watch: {
        viewer: { key, person: name, delegation },
        mayWatch: (current: Actor) => current.kind !== "anonymous",
      },
      send: (chunk: Buffer) => messages.push(chunk.toString()),
    },
  };
};
const viewersIn = (message: string | undefined) =>
  JSON.parse(/data: (.*)\n/.exec(message ?? "")?.[1] ?? "{}").viewers as { person: string }[];
const settle = () => new Promise((resolve) => setTimeout(resolve, 60));

describe("presence hub", () => {
  it("tells each watcher once per burst, lists each person once, and forgets who left", async () => {
    const hub = new PresenceHub(20);
    const anna = person("a", "Anna", "Russia");
    const annaSecondTab = person("a", "Anna", "Russia");
    const omer = person("o", "Ömer", "Türkiye");
    hub.join("text_document:1", anna.watcher);
    hub.join("text_document:1", annaSecondTab.watcher);
    const leave = hub.join("text_document:1", omer.watcher);
    await settle();
    expect(anna.messages).toHaveLength(1);
    expect(viewersIn(anna.messages[0]).map((v) => v.person)).toEqual(["Anna", "Ömer"]);
    leave();
    await settle();
    expect(viewersIn(anna.messages.at(-1)).map((v) => v.person)).toEqual(["Anna"]);
    expect(omer.messages).toHaveLength(1);
    hub.stop();
  });

  it("neither lists nor tells a watcher whose rule no longer allows it", async () => {
    const hub = new PresenceHub(20);
    const anna = person("a", "Anna", "Russia");
    const signedOut = person("x", "Former delegate", "Iran");
    hub.join("text_document:2", anna.watcher);
    hub.join("text_document:2", signedOut.watcher);
    signedOut.actor.current = anonymous;
    await settle();
    expect(viewersIn(anna.messages.at(-1)).map((v) => v.person)).toEqual(["Anna"]);
    expect(signedOut.messages).toEqual([]);
    hub.stop();
  });

  it("reads at most five well-formed watches and ignores the rest", () => {
    expect(parseWatches("text_document:abc-1,bad value,x:1,y:2,z:3,w:4,v:5")).toEqual([
      { subjectType: "text_document", subjectId: "abc-1" },
      { subjectType: "x", subjectId: "1" },
      { subjectType: "y", subjectId: "2" },
      { subjectType: "z", subjectId: "3" },
    ]);
    expect(parseWatches(undefined)).toEqual([]);
  });
});
