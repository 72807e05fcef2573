import { randomBytes } from "node:crypto";
import { z } from "zod";

/**
 * The hosted copy's visitor identity: one random 128-bit id per browser, in an HttpOnly cookie.
 * It is what per-visitor state hangs on (pipeline stop, rate limits, live subscriptions); it is not
 * a credential (the invitation cookie is), so it carries no signature. Shared contract with the
 * per-visitor features: they import these two names and nothing else from here.
 */

export const HOSTED_VISITOR_COOKIE = "fomo_visitor";

/** 16 random bytes in base64url without padding: exactly 22 characters of [A-Za-z0-9_-]. */
export const visitorIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, "not a visitor id");

export function newVisitorId(): string {
  return randomBytes(16).toString("base64url");
}

/** The visitor id in a `Cookie:` header, or undefined when it is missing or not a well-formed id. */
export function visitorIdFromCookieHeader(cookieHeader: string | null | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const separator = part.indexOf("=");
    if (separator < 0 || part.slice(0, separator).trim() !== HOSTED_VISITOR_COOKIE) continue;
    const parsed = visitorIdSchema.safeParse(part.slice(separator + 1).trim());
    return parsed.success ? parsed.data : undefined;
  }
  return undefined;
}
