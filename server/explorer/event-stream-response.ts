import { toFomoError } from "../../lib/errors";
import { loadConfig } from "../config";
import { publicErrorBody } from "../security/public-error";

export type EmitEvent = (event: string, data: unknown) => void;

/**
 * A Server-Sent Events response driven by `run`. `run` gets a signal that aborts when the
 * browser goes away (request aborted or stream cancelled), so it can stop reading Kafka at once;
 * `onEnd` runs exactly once when the work is over, however it ended. A failure is sent as an
 * `error` event with the FomoError body, then the stream closes.
 */
export function eventStreamResponse(
  requestSignal: AbortSignal,
  run: (emit: EmitEvent, signal: AbortSignal) => Promise<void>,
  onEnd?: () => void,
): Response {
  const stop = new AbortController();
  const abort = () => stop.abort();
  requestSignal.addEventListener("abort", abort, { once: true });
  const encoder = new TextEncoder();
  let open = true;

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const emit: EmitEvent = (event, data) => {
        if (!open || stop.signal.aborted) return;
        controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
      };
      run(emit, stop.signal)
        .catch((error: unknown) => {
          const fomo = toFomoError(error);
          if (fomo.httpStatus >= 500) console.error(`explorer stream: ${fomo.code}: ${fomo.message}`, fomo.cause ?? "");
          emit("error", publicErrorBody(fomo, loadConfig().hosted.enabled).error);
        })
        .finally(() => {
          requestSignal.removeEventListener("abort", abort);
          onEnd?.();
          if (open) {
            open = false;
            try {
              controller.close();
            } catch {
              // Already cancelled by the client: nothing left to close.
            }
          }
        });
    },
    cancel() {
      open = false;
      stop.abort();
    },
  });

  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
