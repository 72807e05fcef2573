import { LIVE_HEARTBEAT_MS, LIVE_INTERVALS_MS, type LiveHello } from "../../lib/api/live";
import { sseEvent, type LiveHub } from "./live-hub";

/** A page that reads slower than we push is dropped past this many unsent bytes (it reconnects). */
const MAX_BUFFERED_BYTES = 1_000_000;
/** Milliseconds the browser's EventSource waits before it reconnects on its own. */
const RECONNECT_MS = 3_000;

export interface LiveStreamOptions {
  hub: LiveHub;
  asOf: string | null;
  /** Aborts when the browser goes away. */
  signal: AbortSignal;
  /** Runs exactly once when the stream ends, however it ended (frees the visitor's slot). */
  onEnd(): void;
  heartbeatMs?: number;
  /** Rewrites the hub's events for this page only (a stopped visitor's status); identity by default. */
  rewrite?: (event: string) => string;
}

/**
 * `GET /api/live`'s body: the hub's events for one page as text/event-stream, a comment line every
 * 15 s so that proxies keep the idle stream open, and one cleanup on abort, cancel or overflow.
 */
export function liveEventStream({ hub, asOf, signal, onEnd, heartbeatMs = LIVE_HEARTBEAT_MS, rewrite }: LiveStreamOptions): Response {
  const encoder = new TextEncoder();
  let end = () => {};

  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        let open = true;
        const write = (text: string) => {
          if (!open) return;
          if ((controller.desiredSize ?? 0) < -MAX_BUFFERED_BYTES) return end();
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            end(); // the stream closed under us
          }
        };
        const hello: LiveHello = { intervalsMs: LIVE_INTERVALS_MS, heartbeatMs, asOf };
        write(`retry: ${RECONNECT_MS}\n\n${sseEvent("hello", hello)}`);
        const unsubscribe = hub.subscribe({ asOf, send: rewrite ? (event) => write(rewrite(event)) : write });
        const heartbeat = setInterval(() => write(`: heartbeat ${Date.now()}\n\n`), heartbeatMs);
        end = () => {
          if (!open) return;
          open = false;
          clearInterval(heartbeat);
          unsubscribe();
          signal.removeEventListener("abort", end);
          onEnd();
          try {
            controller.close();
          } catch {
            // Already cancelled by the browser: nothing left to close.
          }
        };
        if (signal.aborted) end();
        else signal.addEventListener("abort", end, { once: true });
      },
      cancel() {
        end();
      },
    },
    // Counted in bytes of queued chunks: what a slow reader leaves unsent.
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );

  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
