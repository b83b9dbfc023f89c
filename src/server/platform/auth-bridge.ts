import type { FastifyInstance } from "fastify";
import { type Auth, clientAddressHeader } from "./auth.ts";

/**
 * Hands /api/auth/* to better-auth as Web requests. The client address better-auth rate-limits on
 * is Fastify's `request.ip` (which honours TRUST_PROXY), never a header the client chose.
 */
export async function registerAuthBridge(app: FastifyInstance, auth: Auth): Promise<void> {
  app.route({
    method: ["GET", "POST"],
    url: "/api/auth/*",
    schema: { hide: true },
    handler: async (request, reply) => {
      const headers = new Headers();
      for (const [key, value] of Object.entries(request.headers)) {
        if (key === clientAddressHeader || value === undefined) continue;
        if (Array.isArray(value)) for (const item of value) headers.append(key, item);
        else headers.set(key, String(value));
      }
      headers.set(clientAddressHeader, request.ip);
      const hasBody = request.method !== "GET" && request.body !== undefined && request.body !== null;
      const url = new URL(request.url, `${request.protocol}://${request.host}`);
      const response = await auth.handler(
        new Request(url, {
          method: request.method,
          headers,
          body: hasBody ? JSON.stringify(request.body) : undefined,
        }),
      );
      reply.status(response.status);
      for (const [key, value] of response.headers) {
        if (key.toLowerCase() !== "set-cookie") reply.header(key, value);
      }
      const cookies = response.headers.getSetCookie();
      if (cookies.length > 0) reply.header("set-cookie", cookies);
      const text = await response.text();
      return reply.send(text.length > 0 ? text : null);
    },
  });
}
