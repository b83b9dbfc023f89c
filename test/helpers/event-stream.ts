/**
 * Reads a Server-Sent Events stream (GET /api/events, with `?watch=` or a Last-Event-ID as the test
 * needs) into one growing text until the test closes it: what a viewer's browser has received so far.
 */
export async function readEventStream(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const reader = response.body?.getReader();
  if (!reader) throw new Error("the event stream has no body");
  let text = "";
  const decoder = new TextDecoder();
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        text += decoder.decode(value, { stream: true });
      }
    } catch {
      // closed by the test
    }
  })();
  return { text: () => text, close: () => controller.abort() };
}

/** The headers of a viewer: its session cookie when signed in, none for the public. */
export function viewerHeaders(cookie: string | undefined): Record<string, string> {
  return cookie ? { cookie } : {};
}
