export const dynamic = "force-dynamic";

/**
 * Liveness for a load balancer: the web process answers. Reachable without an invitation, so it
 * says nothing but ok.
 */
export function GET(): Response {
  return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
}
