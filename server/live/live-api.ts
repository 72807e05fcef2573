import "server-only";

import { loadConfig } from "../config";
import { liveEventStream } from "./live-event-stream";
import { liveStopOf, liveVisitorOf } from "./live-visitor";
import { visitorStatusRewriter } from "./visitor-live-status";
import { sharedLiveHub, sharedVisitorStreamCap } from "./shared-live-hub";

/**
 * `GET /api/live` as the Next app sees it: one stream of the shared live figures for this page. A
 * hosted visitor who stopped their pipeline gets the warehouse figures as of their stop and their
 * own status (see visitor-live-status.ts).
 * Throws `rate_limit:live_streams` when the visitor already holds their cap of streams.
 */
export async function openLiveStream(request: Request): Promise<Response> {
  const config = loadConfig();
  const visitor = liveVisitorOf(request, config);
  const release = visitor === null ? () => {} : sharedVisitorStreamCap().acquire(visitor);
  try {
    const stop = liveStopOf(request, config);
    if (!stop) return liveEventStream({ hub: sharedLiveHub(), asOf: null, signal: request.signal, onEnd: release });
    // The stream ends when the stop does, so the page reconnects to the live warehouse by itself.
    const signal = AbortSignal.any([request.signal, AbortSignal.timeout(Math.max(1, stop.restartsAtMs - Date.now()))]);
    const rewrite = visitorStatusRewriter(stop, config.hosted.enabled);
    return liveEventStream({ hub: sharedLiveHub(), asOf: stop.asOfUnixSeconds, signal, onEnd: release, rewrite });
  } catch (error) {
    release();
    throw error;
  }
}
