import { FomoError, type ErrorCode } from "@/lib/errors";

export interface StreamEvent {
  event: string;
  data: unknown;
}

async function errorOf(response: Response): Promise<FomoError> {
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  const code = (body?.error?.code ?? "internal:explorer") as ErrorCode;
  return new FomoError(code, body?.error?.message ?? `Request failed with HTTP ${response.status}`);
}

/**
 * Reads a Server-Sent Events response from `fetch` (not EventSource: a search is a POST, and an
 * AbortController on fetch closes the connection, which the server turns into stopping its work).
 */
export async function readEventStream(
  input: string,
  init: RequestInit & { signal: AbortSignal },
  onEvent: (event: StreamEvent) => void,
): Promise<void> {
  const response = await fetch(input, { ...init, headers: { accept: "text/event-stream", ...init.headers } });
  if (!response.ok || !response.body) throw await errorOf(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let boundary = buffer.indexOf("\n\n");
      while (boundary >= 0) {
        const block = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        let event = "message";
        const data: string[] = [];
        for (const line of block.split("\n")) {
          if (line.startsWith("event: ")) event = line.slice(7);
          else if (line.startsWith("data: ")) data.push(line.slice(6));
        }
        if (data.length > 0) onEvent({ event, data: JSON.parse(data.join("\n")) });
        boundary = buffer.indexOf("\n\n");
      }
    }
  } finally {
    reader.releaseLock();
  }
}
