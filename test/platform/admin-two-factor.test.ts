import type { LightMyRequestResponse } from "fastify";
import * as OTPAuth from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestAccount, startTestApp, type TestApp } from "../helpers/app.ts";

const password = "correct horse battery";

function cookieOf(response: LightMyRequestResponse): string {
  return response.cookies
    .filter((cookie) => cookie.value !== "")
    .map((cookie) => `${cookie.name}=${cookie.value}`)
    .join("; ");
}

describe("REQUIRE_ADMIN_TWO_FACTOR=on", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ REQUIRE_ADMIN_TWO_FACTOR: "on", PUBLIC_URL: "https://astana.example.org" });
    await createTestAccount(app.deps.db, { email: "boss@example.org", password, isAdmin: true });
    await createTestAccount(app.deps.db, { email: "clerk@example.org", password });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("gives an administrator without a second factor only its account and the two-factor set-up", async () => {
    let cookie = await app.signIn("boss@example.org", password);
    const me = await app.request({ method: "GET", url: "/api/me", as: cookie });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ isAdmin: true, twoFactorEnabled: false, mustSetUpTwoFactor: true });
    for (const [method, url] of [
      ["GET", "/api/accounts"],
      ["GET", "/api/audit"],
      ["POST", "/api/accounts"],
      ["GET", "/api/me/tokens"],
    ] as const) {
      const refused = await app.request({
        method,
        url,
        as: cookie,
        ...(method === "POST" ? { payload: { email: "n@example.org", name: "N", password } } : {}),
      });
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json().error.code, url).toBe("two_factor_required");
    }

    // Setting up TOTP is open, and afterwards everything is.
    const enabled = await app.request({
      method: "POST",
      url: "/api/auth/two-factor/enable",
      as: cookie,
      payload: { password },
    });
    expect(enabled.statusCode, enabled.body).toBe(200);
    const totp = OTPAuth.URI.parse(enabled.json().totpURI);
    if (!(totp instanceof OTPAuth.TOTP)) throw new Error("not a TOTP URI");
    const confirmed = await app.request({
      method: "POST",
      url: "/api/auth/two-factor/verify-totp",
      as: cookie,
      payload: { code: totp.generate() },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    cookie = cookieOf(confirmed) || cookie;
    expect((await app.request({ method: "GET", url: "/api/accounts", as: cookie })).statusCode).toBe(200);
    expect((await app.request({ method: "GET", url: "/api/me", as: cookie })).json().mustSetUpTwoFactor).toBe(
      false,
    );
  });

  it("leaves accounts that are not administrators alone", async () => {
    const cookie = await app.signIn("clerk@example.org", password);
    const me = await app.request({ method: "GET", url: "/api/me", as: cookie });
    expect(me.json().mustSetUpTwoFactor).toBe(false);
    expect((await app.request({ method: "GET", url: "/api/me/tokens", as: cookie })).statusCode).toBe(200);
  });

  it("sends HSTS when the public address is https", async () => {
    const response = await app.request({ method: "GET", url: "/api/health" });
    expect(response.headers["strict-transport-security"]).toBe("max-age=31536000");
  });
});
