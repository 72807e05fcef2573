import "server-only";
import { NextResponse } from "next/server";
import { FomoError, toFomoError } from "@/lib/errors";
import { loadConfig } from "@/server/config";
import { publicErrorBody } from "@/server/security/public-error";
import { createControlClient } from "@/server/stack/control-client";
import { pipelineRequestSchema, pipelineTargets } from "./schema";

export const dynamic = "force-dynamic";

/** Story step 5's "stop the pipeline": forwards to the supervisor's control API. */
export async function POST(request: Request): Promise<NextResponse> {
  try {
    let body: unknown;
    try {
      body = await request.json();
    } catch (cause) {
      throw new FomoError("bad_request:pipeline", "The body must be JSON: { \"action\": \"stop\" | \"start\" }", { cause });
    }
    const parsed = pipelineRequestSchema.safeParse(body);
    if (!parsed.success) throw new FomoError("bad_request:pipeline", `Unknown action: ${parsed.error.issues[0]?.message ?? "invalid"}`);
    const target = pipelineTargets[parsed.data.action];
    const config = loadConfig();
    // The restart time is fixed here, once: a stop the supervisor replays after a crash keeps it.
    const limit = config.connector.stopLimitMs;
    const args = parsed.data.action === "stop" && limit > 0 ? { restartAt: Date.now() + limit } : {};
    const result = await createControlClient(config).command(target.service, target.command, args);
    return NextResponse.json({ ok: true, result });
  } catch (error) {
    const fomoError = toFomoError(error, "unavailable:supervisor");
    if (fomoError.httpStatus >= 500) console.error(`[api] pipeline: ${fomoError.code}: ${fomoError.message}`, fomoError.cause ?? "");
    return NextResponse.json(publicErrorBody(fomoError, loadConfig().hosted.enabled), { status: fomoError.httpStatus });
  }
}
