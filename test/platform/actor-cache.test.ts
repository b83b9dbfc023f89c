import { describe, expect, it } from "vitest";
import { ActorCache } from "../../src/server/platform/actor-cache.ts";
import { type Actor, anonymous } from "../../src/server/platform/authz.ts";

const account = (name: string): Actor => ({
  kind: "account",
  accountId: name,
  name,
  email: `${name}@example.org`,
  isAdmin: false,
  memberships: [],
});

describe("actors kept for a second (platform/actor-cache.ts)", () => {
  it("looks credentials up once, and again after any change", async () => {
    const cache = new ActorCache();
    let lookUps = 0;
    const lookUp = async () => {
      lookUps += 1;
      return account(`a${lookUps}`);
    };
    expect(await cache.resolve("cookie=1", lookUp)).toMatchObject({ accountId: "a1" });
    expect(await cache.resolve("cookie=1", lookUp)).toMatchObject({ accountId: "a1" });
    expect(lookUps).toBe(1);
    expect(await cache.resolve("cookie=2", lookUp)).toMatchObject({ accountId: "a2" });
    cache.invalidate();
    expect(await cache.resolve("cookie=1", lookUp)).toMatchObject({ accountId: "a3" });
  });

  it("never keeps a lookup that a change overtook, nor one that failed", async () => {
    const cache = new ActorCache();
    let release: (actor: Actor) => void = () => {};
    const slow = cache.resolve("cookie=1", () => new Promise<Actor>((resolve) => (release = resolve)));
    cache.invalidate();
    release(account("before-the-change"));
    expect(await slow).toMatchObject({ accountId: "before-the-change" });
    expect(await cache.resolve("cookie=1", async () => anonymous)).toBe(anonymous);
    await expect(
      cache.resolve("cookie=3", () => Promise.reject(new Error("database gone"))),
    ).rejects.toThrow();
    expect(await cache.resolve("cookie=3", async () => account("later"))).toMatchObject({
      accountId: "later",
    });
  });

  it("forgets an actor after its time", async () => {
    const cache = new ActorCache(30);
    await cache.resolve("cookie=1", async () => account("first"));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await cache.resolve("cookie=1", async () => account("second"))).toMatchObject({
      accountId: "second",
    });
  });
});
