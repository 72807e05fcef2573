import { NextResponse } from "next/server";
import type { FomoConfig } from "../config";
import { checkInvitation } from "./check-invitation";
import { servedOverHttps, setInvitationCookie, setVisitorCookie } from "./hosted-cookies";
import { hostedGateState } from "./hosted-gate-state";
import { invitationPageHtml } from "./invitation-page";
import { newVisitorId, visitorIdFromCookieHeader } from "./visitor";

/**
 * GET /invite/<token>: a valid, unexpired, unrevoked link becomes the invitation cookie (plus a
 * visitor id) and a redirect to /, so the token leaves the address bar and the history at once.
 */
export async function acceptInvitation(config: FomoConfig, request: Request, token: string): Promise<Response> {
  const check = await checkInvitation(config, token);
  if (!check.ok) {
    const status = check.reason === "unavailable" ? 503 : 403;
    return new Response(invitationPageHtml(check.reason === "missing" ? "ended" : check.reason), {
      status,
      headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
    });
  }
  const secure = servedOverHttps(request, config.hosted.publicUrl);
  // A relative Location: the browser stays on the address it used (the TLS proxy's), whatever
  // address this server binds to.
  const response = new NextResponse(null, {
    status: 303,
    headers: { location: "/", "cache-control": "no-store", "referrer-policy": "no-referrer" },
  });
  setInvitationCookie(response, token, check.expiresAt, secure);
  const visitorId = visitorIdFromCookieHeader(request.headers.get("cookie")) ?? newVisitorId();
  setVisitorCookie(response, visitorId, secure);
  hostedGateState(config).visits.record({
    invitationId: check.invitationId,
    visitorId,
    path: "/invite (link opened)",
    visitedAt: new Date(),
  });
  return response;
}
