import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/**
 * An invitation token: `<id>.<expires>.<signature>`, where `expires` is the expiry in Unix seconds
 * and the signature is HMAC-SHA256 over both with the hosted secret. The same string is the link
 * (/invite/<token>) and the cookie value, so the gate checks a visitor without a database round
 * trip for the signature and the expiry; only revocation needs the store (cached a few seconds).
 */

export const INVITATION_COOKIE = "fomo_invitation";

/** 12 random bytes in base64url: 16 characters, short enough to type into `--revoke`. */
export const invitationIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16}$/, "not an invitation id");

const tokenSchema = z.string().regex(/^([A-Za-z0-9_-]{16})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/);

export interface InvitationClaims {
  id: string;
  /** Expiry, milliseconds since the epoch (a whole second). */
  expiresAt: number;
}

/** Why a token was refused; the gate tells the visitor about expired links, not about forgeries. */
export type TokenVerdict = { ok: true; claims: InvitationClaims } | { ok: false; reason: "malformed" | "bad_signature" | "expired" };

export function newInvitationId(): string {
  return randomBytes(12).toString("base64url");
}

function signature(secret: string, id: string, expiresSeconds: number): Buffer {
  // The version prefix keeps a future token layout from ever verifying under this one.
  return createHmac("sha256", secret).update(`fomo-invitation-v1.${id}.${expiresSeconds}`).digest();
}

export function signInvitationToken(secret: string, claims: InvitationClaims): string {
  invitationIdSchema.parse(claims.id);
  const expiresSeconds = Math.floor(claims.expiresAt / 1000);
  return `${claims.id}.${expiresSeconds}.${signature(secret, claims.id, expiresSeconds).toString("base64url")}`;
}

export function verifyInvitationToken(secret: string, token: string | undefined, now = Date.now()): TokenVerdict {
  const match = token === undefined ? null : tokenSchema.safeParse(token).success ? /^(.{16})\.(\d+)\.(.+)$/.exec(token) : null;
  if (!match) return { ok: false, reason: "malformed" };
  const [, id = "", expires = "", signed = ""] = match;
  const expiresSeconds = Number(expires);
  const expected = signature(secret, id, expiresSeconds);
  const given = Buffer.from(signed, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "bad_signature" };
  const expiresAt = expiresSeconds * 1000;
  if (expiresAt <= now) return { ok: false, reason: "expired" };
  return { ok: true, claims: { id, expiresAt } };
}
