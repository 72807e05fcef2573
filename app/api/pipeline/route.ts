import "server-only";
import { NextResponse } from "next/server";
import { FomoError, toFomoError } from "@/lib/errors";
import { loadConfig } from "@/server/config";
import { visitorOfRequest } from "@/server/pipeline/request-visitor";
import { pipelineScope, publicStop, stopForVisitor, visitorStopSetCookie } from "@/server/pipeline/visitor-pipeline";
import { publicErrorBody } from "@/server/security/public-error";
import { createControlClient } from "@/server/stack/control-client";
import { sharedWarehouseReadOnlyPool } from "@/server/warehouse/shared-read-only-pool";
import { pipelineRequestSchema, pipelineTargets } from "./schema";

export const dynamic = "force-dynamic";

/** Failures carry the code and, on a hosted copy, only a safe message; the detail goes to the log. */
function errorReply(error: unknown): NextResponse {
  const fomoError = toFomoError(error, "unavailable:supervisor");
  if (fomoError.httpStatus >= 500) console.error(`[api] pipeline: ${fomoError.code}: ${fomoError.message}`, fomoError.cause ?? "");
  return NextResponse.json(publicErrorBody(fomoError, loadConfig().hosted.enabled), { status: fomoError.httpStatus });
}

/**
 * What "Stop the pipeline" does for this visitor: `shared` (the real connector, a presenter's
 * laptop), `visitor` (a hosted visitor's own frozen warehouse, with their stop if any), or
 * `unavailable` (hosted on a warehouse without row history: the control is hidden).
 */
export async function GET(request: Request): Promise<NextResponse> {
  try {
    const config = loadConfig();
    const visitor = visitorOfRequest(request, config);
    const scope = await pipelineScope(visitor, sharedWarehouseReadOnlyPool(config));
    return NextResponse.json({ scope, stop: publicStop(visitor.stop) }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorReply(error);
  }
}

/**
 * Story step 5's "stop the pipeline". Locally it stops the real connector through the supervisor's
 * control API; on a hosted copy it freezes the warehouse for this visitor only (a signed cookie).
 */
export async function POST(request: Request): Promise<NextResponse> {
  try {
    let body: unknown;
    try {
      body = await request.json();
    } catch (cause) {
      throw new FomoError("bad_request:pipeline", 'The body must be JSON: { "action": "stop" | "start" }', { cause });
    }
    const parsed = pipelineRequestSchema.safeParse(body);
    if (!parsed.success) throw new FomoError("bad_request:pipeline", `Unknown action: ${parsed.error.issues[0]?.message ?? "invalid"}`);
    const config = loadConfig();
    const visitor = visitorOfRequest(request, config);
    if (visitor.hosted) {
      if (parsed.data.action === "start") {
        const response = NextResponse.json({ ok: true, result: { scope: "visitor", stop: null } });
        response.headers.set("set-cookie", visitorStopSetCookie(undefined, 0, request));
        return response;
      }
      const status = await createControlClient(config, { timeoutMs: 3_000 })
        .status()
        .catch(() => undefined);
      const { stop, cookie } = await stopForVisitor(visitor, config, sharedWarehouseReadOnlyPool(config), status);
      const response = NextResponse.json({ ok: true, result: { scope: "visitor", stop: publicStop(stop) } });
      response.headers.set("set-cookie", visitorStopSetCookie(cookie, stop.restartsAtMs - Date.now(), request));
      return response;
    }
    const target = pipelineTargets[parsed.data.action];
    // The restart time is fixed here, once: a stop the supervisor replays after a crash keeps it.
    const limit = config.connector.stopLimitMs;
    const args = parsed.data.action === "stop" && limit > 0 ? { restartAt: Date.now() + limit } : {};
    const result = await createControlClient(config).command(target.service, target.command, args);
    return NextResponse.json({ ok: true, result });
  } catch (error) {
    return errorReply(error);
  }
}
