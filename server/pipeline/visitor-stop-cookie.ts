import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { FomoConfig } from "../config";
import { hostedSecret } from "../hosted/hosted-secret";

/**
 * A hosted visitor's "pipeline stopped" state, kept in a cookie the server signs (HMAC-SHA256),
 * so any web instance that shares the secret can honour it and none has to remember it. It names
 * the visitor (a cookie copied to another visitor is ignored), the warehouse moment they froze at
 * (the warehouse server's clock) and when the stop ends, like the shared stop's restart timer.
 */
export const VISITOR_STOP_COOKIE = "fomo_pipeline_stop";

export const visitorStopSchema = z.object({
  visitorId: z.string().min(1).max(128),
  /** The warehouse server's clock at the stop, Unix seconds with microseconds (what `system_versioning_asof` gets). */
  asOfUnixSeconds: z.string().regex(/^\d{1,12}(\.\d{1,6})?$/),
  stoppedAtMs: z.number().int().positive(),
  restartsAtMs: z.number().int().positive(),
  /** The warehouse's row count and the connector's rows loaded at the stop, for the visitor's status (null: unknown). */
  rowsAtStop: z.number().int().nonnegative().nullable(),
  rowsLoadedAtStop: z.number().int().nonnegative().nullable(),
});
export type VisitorStop = z.infer<typeof visitorStopSchema>;

function signature(payload: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(payload).digest();
}

export function signVisitorStop(stop: VisitorStop, secret: string): string {
  const payload = Buffer.from(JSON.stringify(visitorStopSchema.parse(stop))).toString("base64url");
  return `${payload}.${signature(payload, secret).toString("base64url")}`;
}

/** The stop in a cookie value, if the signature holds, it is this visitor's, and it has not ended. */
export function verifyVisitorStop(
  value: string | undefined,
  secret: string,
  visitorId: string,
  nowMs = Date.now(),
): VisitorStop | undefined {
  const [payload, mac, extra] = (value ?? "").split(".");
  if (!payload || !mac || extra !== undefined) return undefined;
  const expected = signature(payload, secret);
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  const parsed = visitorStopSchema.safeParse(decoded);
  if (!parsed.success || parsed.data.visitorId !== visitorId || parsed.data.restartsAtMs <= nowMs) return undefined;
  return parsed.data;
}

/**
 * The stop cookie's key: derived from the hosted secret (FOMO_HOSTED_SECRET or
 * <STACK_DIR>/hosted-secret), so every web instance that accepts the invitations also honours the
 * stops, and no extra variable is needed. Derived, not the secret itself, so an invitation token
 * can never pass for a stop cookie or the other way round.
 */
export function visitorStopSecret(config: Pick<FomoConfig, "hosted" | "stackDir">): string {
  return createHmac("sha256", hostedSecret(config)).update("fomo visitor pipeline stop").digest("hex");
}

/** A cookie value from a Cookie header (no decoding: our values are base64url). */
export function cookieValue(cookieHeader: string | null | undefined, name: string): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}
