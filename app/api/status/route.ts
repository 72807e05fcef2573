import { NextResponse } from "next/server";
import type { StackStatus } from "../../../lib/api/status";
import { withVisitorStop } from "../../../lib/status/visitor-stop-status";
import { loadConfig } from "../../../server/config";
import { visitorOfRequest } from "../../../server/pipeline/request-visitor";
import { loadStackStatus, WEB_UP, withPipeline } from "../../../server/status/load-stack-status";

export const dynamic = "force-dynamic";

/**
 * Every service's health, from the stack supervisor, and `pipeline`: the one-line state the story
 * shows ("Pipeline running", "Pipeline failing: <reason>", "Generator paused", …). `?probe=web`
 * answers for the web app alone (the supervisor's own health probe, which must not call the
 * supervisor back). Pages get the same status pushed by `GET /api/live`.
 */
export async function GET(request: Request): Promise<NextResponse<StackStatus>> {
  if (new URL(request.url).searchParams.get("probe") === "web") return NextResponse.json({ services: [WEB_UP] });
  const config = loadConfig();
  const status = await loadStackStatus(config);
  // A hosted visitor who stopped the pipeline sees their own frozen warehouse; everyone else the real one.
  const { stop } = visitorOfRequest(request, config);
  return NextResponse.json(stop ? withPipeline(withVisitorStop(status.services, stop, Date.now()), config.hosted.enabled) : status);
}
