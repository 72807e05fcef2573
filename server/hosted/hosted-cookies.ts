import type { NextResponse } from "next/server";
import { INVITATION_COOKIE } from "./invitation-token";
import { HOSTED_VISITOR_COOKIE } from "./visitor";

/**
 * The two hosted cookies. Both HttpOnly (no script reads them) and SameSite=Lax (a cross-site
 * POST carries neither); Secure when the visitor reached us over https, directly, through the
 * TLS proxy (X-Forwarded-Proto) or as FOMO_PUBLIC_URL declares, so a plain-http copy still works.
 */

const VISITOR_MAX_AGE_S = 90 * 86_400;

/** `publicUrl` is FOMO_PUBLIC_URL: an https address there means visitors always come over TLS. */
export function servedOverHttps(request: Request, publicUrl: string): boolean {
  if (publicUrl.startsWith("https:") || new URL(request.url).protocol === "https:") return true;
  return request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

export function setInvitationCookie(response: NextResponse, token: string, expiresAt: number, secure: boolean): void {
  response.cookies.set({
    name: INVITATION_COOKIE,
    value: token,
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: Math.max(1, Math.floor((expiresAt - Date.now()) / 1000)),
  });
}

export function setVisitorCookie(response: NextResponse, visitorId: string, secure: boolean): void {
  response.cookies.set({
    name: HOSTED_VISITOR_COOKIE,
    value: visitorId,
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: VISITOR_MAX_AGE_S,
  });
}
