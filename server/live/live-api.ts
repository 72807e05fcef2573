import "server-only";

import { loadConfig } from "../config";
import { liveEventStream } from "./live-event-stream";
import { liveAsOfOf, liveVisitorOf } from "./live-visitor";
import { sharedLiveHub, sharedVisitorStreamCap } from "./shared-live-hub";

/**
 * `GET /api/live` as the Next app sees it: one stream of the shared live figures for this page.
 * Throws `rate_limit:live_streams` when the visitor already holds their cap of streams.
 */
export async function openLiveStream(request: Request): Promise<Response> {
  const config = loadConfig();
  const visitor = liveVisitorOf(request, config);
  const release = visitor === null ? () => {} : sharedVisitorStreamCap().acquire(visitor);
  try {
    const asOf = await liveAsOfOf(request, config);
    return liveEventStream({ hub: sharedLiveHub(), asOf, signal: request.signal, onEnd: release });
  } catch (error) {
    release();
    throw error;
  }
}
