import type { StackStatus } from "../../lib/api/status";
import { FomoError } from "../../lib/errors";
import type { FomoConfig } from "../config";
import type { WarehouseReadOnlyPool } from "../warehouse/read-only-pool";
import type { RequestVisitor } from "./request-visitor";
import { signVisitorStop, VISITOR_STOP_COOKIE, visitorStopSecret, type VisitorStop } from "./visitor-stop-cookie";
import { warehouseFreezePoint } from "./warehouse-freeze-point";

/**
 * "Stop the pipeline" on a hosted copy: the real connector keeps loading for everyone, and this
 * visitor's warehouse queries read the warehouse as it was at their stop (system versioning), until
 * they restart or the stop runs out. Nothing is kept on the server: the stop lives in a signed cookie.
 */
export const VISITOR_STOP_UNAVAILABLE =
  "This hosted copy cannot freeze the warehouse for one visitor: its warehouse keeps no row history " +
  "(MariaDB system-versioned tables; a MySQL server has none). The pipeline keeps running for everyone.";

/** What the pipeline control offers this visitor: the real connector, their own freeze, or nothing. */
export type PipelineScope = "shared" | "visitor" | "unavailable";

export interface VisitorPipelineStop {
  stoppedAt: string;
  restartsAt: string;
}

export async function pipelineScope(visitor: RequestVisitor, pool: WarehouseReadOnlyPool): Promise<PipelineScope> {
  if (!visitor.hosted) return "shared";
  if (visitor.stop) return "visitor";
  return (await warehouseFreezePoint(pool)).versioned ? "visitor" : "unavailable";
}

export function publicStop(stop: VisitorStop | undefined): VisitorPipelineStop | null {
  return stop ? { stoppedAt: new Date(stop.stoppedAtMs).toISOString(), restartsAt: new Date(stop.restartsAtMs).toISOString() } : null;
}

function metric(status: StackStatus | undefined, service: string, key: string): number | null {
  const value = status?.services.find((s) => s.name === service)?.metrics?.[key];
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : null;
}

/**
 * Freezes this visitor's warehouse now. `status` is the stack's status at the moment (for the
 * row counts their status line keeps showing); without it those figures are simply unknown.
 */
export async function stopForVisitor(
  visitor: RequestVisitor,
  config: Pick<FomoConfig, "hosted" | "visitorStop" | "stackDir">,
  pool: WarehouseReadOnlyPool,
  status: StackStatus | undefined,
  nowMs = Date.now(),
): Promise<{ stop: VisitorStop; cookie: string }> {
  if (visitor.stop) return { stop: visitor.stop, cookie: signVisitorStop(visitor.stop, visitorStopSecret(config)) };
  const point = await warehouseFreezePoint(pool);
  if (!point.versioned) throw new FomoError("unavailable:visitor_stop", VISITOR_STOP_UNAVAILABLE);
  const stop: VisitorStop = {
    visitorId: visitor.id,
    asOfUnixSeconds: point.asOfUnixSeconds,
    stoppedAtMs: nowMs,
    restartsAtMs: nowMs + config.visitorStop.limitMs,
    rowsAtStop: metric(status, "warehouse", "rows.purchases"),
    rowsLoadedAtStop: metric(status, "connector", "rowsLoaded"),
  };
  return { stop, cookie: signVisitorStop(stop, visitorStopSecret(config)) };
}

/** `Set-Cookie` for the stop (`value` undefined: remove it). Secure when the visitor came over HTTPS. */
export function visitorStopSetCookie(value: string | undefined, maxAgeMs: number, request: Request): string {
  const https = new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const maxAge = value === undefined ? 0 : Math.max(1, Math.floor(maxAgeMs / 1000));
  return [
    `${VISITOR_STOP_COOKIE}=${value ?? ""}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${maxAge}`,
    ...(https ? ["Secure"] : []),
  ].join("; ");
}
