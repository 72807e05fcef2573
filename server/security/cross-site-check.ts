/**
 * Refuses state-changing requests sent by another site (a page elsewhere that POSTs to
 * /api/pipeline while the presenter or a visitor has FOMO open). Browsers always send
 * Sec-Fetch-Site (or at least Origin) on such requests, so a request without either comes from a
 * script or curl, which carries no victim's cookies and is left to the invitation check.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface CrossSiteRequest {
  method: string;
  /** The Host header as the browser sent it (through the reverse proxy: X-Forwarded-Host). */
  host: string | null;
  origin: string | null;
  secFetchSite: string | null;
}

export function isCrossSiteWrite(request: CrossSiteRequest): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  const site = request.secFetchSite?.toLowerCase();
  if (site) return site !== "same-origin" && site !== "none";
  if (!request.origin) return false;
  if (request.origin === "null") return true;
  try {
    return new URL(request.origin).host !== request.host;
  } catch {
    return true;
  }
}
