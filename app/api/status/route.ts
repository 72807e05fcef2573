import { NextResponse } from "next/server";
import type { StackStatus } from "../../../lib/api/status";
import { loadConfig } from "../../../server/config";
import { loadStackStatus, WEB_UP } from "../../../server/status/load-stack-status";

export const dynamic = "force-dynamic";

/**
 * Every service's health, from the stack supervisor, and `pipeline`: the one-line state the story
 * shows ("Pipeline running", "Pipeline failing: <reason>", "Generator paused", …). `?probe=web`
 * answers for the web app alone (the supervisor's own health probe, which must not call the
 * supervisor back). Pages get the same status pushed by `GET /api/live`.
 */
export async function GET(request: Request): Promise<NextResponse<StackStatus>> {
  if (new URL(request.url).searchParams.get("probe") === "web") return NextResponse.json({ services: [WEB_UP] });
  return NextResponse.json(await loadStackStatus(loadConfig()));
}
