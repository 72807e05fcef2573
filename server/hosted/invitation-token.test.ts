import { describe, expect, it } from "vitest";
import { newInvitationId, signInvitationToken, verifyInvitationToken } from "./invitation-token";

const secret = "a-test-secret-that-is-long-enough-0123456789";
const now = Date.UTC(2026, 0, 1);

describe("invitation tokens", () => {
  it("verify with the secret that signed them and carry their id and expiry", () => {
    const id = newInvitationId();
    const token = signInvitationToken(secret, { id, expiresAt: now + 7 * 86_400_000 });
    expect(verifyInvitationToken(secret, token, now)).toEqual({ ok: true, claims: { id, expiresAt: now + 7 * 86_400_000 } });
  });

  it("are refused once expired", () => {
    const token = signInvitationToken(secret, { id: newInvitationId(), expiresAt: now + 1000 });
    expect(verifyInvitationToken(secret, token, now + 1000)).toEqual({ ok: false, reason: "expired" });
  });

  it("are refused under another secret, with a changed expiry or with a changed id", () => {
    const token = signInvitationToken(secret, { id: "AAAAAAAAAAAAAAAA", expiresAt: now + 60_000 });
    expect(verifyInvitationToken(`${secret}x`, token, now).ok).toBe(false);
    const [id, expires, signed] = token.split(".");
    expect(verifyInvitationToken(secret, `${id}.${Number(expires) + 86_400}.${signed}`, now)).toEqual({
      ok: false,
      reason: "bad_signature",
    });
    expect(verifyInvitationToken(secret, `BAAAAAAAAAAAAAAA.${expires}.${signed}`, now)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuse malformed input without throwing", () => {
    for (const bad of [undefined, "", "x.y.z", "AAAAAAAAAAAAAAAA.1.", "AAAAAAAAAAAAAAAA.1." + "a".repeat(44), "../../etc/passwd"]) {
      expect(verifyInvitationToken(secret, bad, now)).toEqual({ ok: false, reason: "malformed" });
    }
  });
});
