import type { FomoConfig } from "../config";

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

/**
 * The time this visitor's warehouse is frozen at (they stopped their pipeline), or null for the
 * live warehouse. The hook for the per-visitor pipeline stop: until it is wired in, everyone sees
 * the live warehouse, as the pipeline stop is still global.
 */
export async function liveAsOfOf(_request: Request, _config: FomoConfig): Promise<string | null> {
  return null;
}
