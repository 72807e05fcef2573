import { NextResponse, type NextRequest } from "next/server";
import { loadConfig } from "../config";
import { contentSecurityPolicy, newCspNonce, STATIC_SECURITY_HEADERS } from "../security/content-security-policy";
import { isCrossSiteWrite } from "../security/cross-site-check";
import { checkInvitation, type InvitationCheck } from "./check-invitation";
import { servedOverHttps, setVisitorCookie } from "./hosted-cookies";
import { hostedGateState } from "./hosted-gate-state";
import { invitationPageHtml } from "./invitation-page";
import { INVITATION_COOKIE } from "./invitation-token";
import { HOSTED_VISITOR_COOKIE, newVisitorId, visitorIdFromCookieHeader } from "./visitor";

/**
 * The one request gate (run by proxy.ts for every request but static build files):
 * 1. security headers and this request's CSP nonce, in every mode;
 * 2. cross-site POST/PUT/DELETE refused, in every mode;
 * 3. hosted mode only: no valid invitation, no page (an invitation page) and no API (401 JSON);
 *    a visitor id cookie for every invited browser; page visits recorded for the operator.
 */

/** Reachable without an invitation: the load balancer's health checks and the link itself. */
const PUBLIC_PATHS = [/^\/api\/health\/(live|ready)$/, /^\/invite\/[^/]+$/, /^\/favicon\.svg$/];

function withSecurityHeaders(response: Response | NextResponse, csp: string): Response | NextResponse {
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

function apiError(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "cache-control": "no-store" } });
}

function denied(request: NextRequest, check: Exclude<InvitationCheck, { ok: true }>): Response {
  if (request.nextUrl.pathname.startsWith("/api/")) {
    if (check.reason === "unavailable")
      return apiError(503, "unavailable:invitation_check", "Could not check the invitation just now; try again shortly.");
    return apiError(401, "invitation_required", "This FOMO demo is open by invitation: open your invitation link in this browser first.");
  }
  const status = check.reason === "missing" ? 401 : check.reason === "ended" ? 403 : 503;
  return new Response(invitationPageHtml(check.reason), {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}

/** A page the visitor navigated to (not an API call, not a prefetch the router made on its own). */
function isPageVisit(request: NextRequest): boolean {
  if (request.method !== "GET" || request.nextUrl.pathname.startsWith("/api/")) return false;
  if (request.headers.get("next-router-prefetch") || request.headers.get("purpose") === "prefetch") return false;
  return request.headers.get("sec-fetch-dest") === "document" || request.headers.get("rsc") === "1";
}

export async function gateRequest(request: NextRequest, options: { devServer: boolean }): Promise<Response> {
  const nonce = newCspNonce();
  const csp = contentSecurityPolicy(nonce, options);
  const requestHeaders = new Headers(request.headers);
  // Next.js takes the nonce for its own scripts from the request's CSP header.
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set("x-nonce", nonce);
  const pass = () => NextResponse.next({ request: { headers: requestHeaders } });

  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const crossSite = isCrossSiteWrite({
    method: request.method,
    host,
    origin: request.headers.get("origin"),
    secFetchSite: request.headers.get("sec-fetch-site"),
  });
  if (crossSite)
    return withSecurityHeaders(
      apiError(403, "forbidden:cross_site", "Requests that change state must come from this site's own pages."),
      csp,
    );

  const config = loadConfig();
  const path = request.nextUrl.pathname;
  if (!config.hosted.enabled || PUBLIC_PATHS.some((pattern) => pattern.test(path))) return withSecurityHeaders(pass(), csp);

  const check = await checkInvitation(config, request.cookies.get(INVITATION_COOKIE)?.value);
  if (!check.ok) return withSecurityHeaders(denied(request, check), csp);

  let visitorId = visitorIdFromCookieHeader(request.headers.get("cookie"));
  const newVisitor = visitorId === undefined;
  if (visitorId === undefined) {
    visitorId = newVisitorId();
    // The route handler behind this request sees the visitor id it is about to get.
    const cookies = request.headers.get("cookie");
    requestHeaders.set("cookie", `${cookies ? `${cookies}; ` : ""}${HOSTED_VISITOR_COOKIE}=${visitorId}`);
  }
  if (isPageVisit(request))
    hostedGateState(config).visits.record({ invitationId: check.invitationId, visitorId, path, visitedAt: new Date() });
  const response = pass();
  if (newVisitor) setVisitorCookie(response, visitorId, servedOverHttps(request, config.hosted.publicUrl));
  return withSecurityHeaders(response, csp);
}
