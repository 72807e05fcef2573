import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";

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
export function verifyVisitorStop(value: string | undefined, secret: string, visitorId: string, nowMs = Date.now()): VisitorStop | undefined {
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
 * The signing secret: VISITOR_STOP_SECRET, or one made up for this process. Without the variable
 * a second web instance (or a restart) does not honour the cookie: that visitor sees the pipeline
 * running again, nothing worse.
 */
const SECRET_KEY = Symbol.for("fomo.pipeline.visitorStopSecret");
type GlobalWithSecret = typeof globalThis & { [SECRET_KEY]?: string };

export function visitorStopSecret(configured: string | undefined): string {
  if (configured) return configured;
  const holder = globalThis as GlobalWithSecret;
  holder[SECRET_KEY] ??= randomBytes(32).toString("hex");
  return holder[SECRET_KEY];
}

/** A cookie value from a Cookie header (no decoding: our values are base64url). */
export function cookieValue(cookieHeader: string | null | undefined, name: string): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}
