import "server-only";
import { NextResponse } from "next/server";
import { FomoError, toFomoError } from "@/lib/errors";
import { loadConfig } from "@/server/config";
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
      throw new FomoError("bad_request:pipeline", "The body must be JSON: { \"action\": \"stop\" | \"start\" | \"pause\" | \"resume\" }", { cause });
    }
    const parsed = pipelineRequestSchema.safeParse(body);
    if (!parsed.success) throw new FomoError("bad_request:pipeline", `Unknown action: ${parsed.error.issues[0]?.message ?? "invalid"}`);
    const target = pipelineTargets[parsed.data.action];
    const result = await createControlClient(loadConfig()).command(target.service, target.command, {});
    return NextResponse.json({ ok: true, result });
  } catch (error) {
    const fomoError = toFomoError(error, "unavailable:supervisor");
    return NextResponse.json(fomoError.toResponseBody(), { status: fomoError.httpStatus });
  }
}
