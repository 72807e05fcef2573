import { loadConfig } from "@/server/config";
import { webReadiness } from "@/server/hosted/web-readiness";

export const dynamic = "force-dynamic";

/**
 * Readiness for a load balancer: this instance can serve the demo (engine and warehouse answer).
 * Reachable without an invitation, so the body is only ok true/false; the reason goes to the log.
 */
export async function GET(): Promise<Response> {
  const ok = await webReadiness(loadConfig());
  return Response.json({ ok }, { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
