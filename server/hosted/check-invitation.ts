import type { FomoConfig } from "../config";
import { hostedGateState } from "./hosted-gate-state";
import { hostedSecret } from "./hosted-secret";
import { verifyInvitationToken } from "./invitation-token";

/** What the gate decides about an invitation token (from the cookie or a link). */
export type InvitationCheck =
  { ok: true; invitationId: string; expiresAt: number } | { ok: false; reason: "missing" | "ended" | "unavailable" };

/**
 * Signature and expiry first (no I/O, so forged or stale cookies cost nothing), then the stored
 * standing (revoked? still there?), cached for a few seconds per invitation.
 */
export async function checkInvitation(config: FomoConfig, token: string | undefined): Promise<InvitationCheck> {
  const verdict = verifyInvitationToken(hostedSecret(config), token);
  if (!verdict.ok) return { ok: false, reason: verdict.reason === "expired" ? "ended" : "missing" };
  try {
    const standing = await hostedGateState(config).standings.standing(verdict.claims.id);
    if (standing === "active") return { ok: true, invitationId: verdict.claims.id, expiresAt: verdict.claims.expiresAt };
    // A signed id the store does not know: the hosted database was reset; the link is void.
    return { ok: false, reason: "ended" };
  } catch (error) {
    console.error(`[hosted] invitation check failed: ${error instanceof Error ? error.message : String(error)}`);
    return { ok: false, reason: "unavailable" };
  }
}
