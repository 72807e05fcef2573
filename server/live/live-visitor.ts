import type { FomoConfig } from "../config";
import { visitorOfRequest } from "../pipeline/request-visitor";
import type { VisitorStop } from "../pipeline/visitor-stop-cookie";

/**
 * The visitor's cookie in hosted mode (set by the invitation; `server/hosted/visitor.ts` owns its
 * meaning). Only used here to count a visitor's open streams.
 */
export const LIVE_VISITOR_COOKIE = "fomo_visitor";

function cookieOf(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

/**
 * Who holds a live stream, for the per-visitor cap: the visitor cookie in hosted mode (requests
 * without one are refused before they get here once invitations are enforced), and one presenter
 * in local mode, who is not capped.
 */
export function liveVisitorOf(request: Request, config: FomoConfig): string | null {
  if (!config.hosted.enabled) return null;
  return cookieOf(request, LIVE_VISITOR_COOKIE) ?? "anonymous";
}

/** This hosted visitor's own pipeline stop (their signed `fomo_pipeline_stop` cookie), if any. */
export function liveStopOf(request: Request, config: Pick<FomoConfig, "hosted" | "visitorStop" | "stackDir">): VisitorStop | undefined {
  return visitorOfRequest(request, config).stop;
}

/**
 * The moment this visitor's warehouse is frozen at (they stopped their pipeline): the warehouse
 * server's clock in Unix seconds, as `system_versioning_asof` takes it; null for the live warehouse
 * (local mode, or no valid stop cookie).
 */
export async function liveAsOfOf(
  request: Request,
  config: Pick<FomoConfig, "hosted" | "visitorStop" | "stackDir">,
): Promise<string | null> {
  return liveStopOf(request, config)?.asOfUnixSeconds ?? null;
}
