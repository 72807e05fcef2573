import { NextResponse } from "next/server";
import type { StackStatus } from "../../../lib/api/status";
import { isFomoError } from "../../../lib/errors";
import { summarizePipeline } from "../../../lib/status/pipeline-wording";
import { withVisitorStop } from "../../../lib/status/visitor-stop-status";
import { loadConfig } from "../../../server/config";
import { visitorOfRequest } from "../../../server/pipeline/request-visitor";
import { createControlClient } from "../../../server/stack/control-client";
import { SERVICE_NAMES } from "../../../server/stack/service-names";

export const dynamic = "force-dynamic";

const webUp = { name: "web", healthy: true, detail: "the web app answers" };

/** The services plus the pipeline's state in words, derived once here as every page derives it. */
function withPipeline(services: StackStatus["services"]): StackStatus {
  return { services, pipeline: summarizePipeline({ services }) };
}

/**
 * Every service's health, from the stack supervisor, and `pipeline`: the one-line state the story
 * shows ("Pipeline running", "Pipeline failing: <reason>", "Generator paused", …). `?probe=web`
 * answers for the web app alone (the supervisor's own health probe, which must not call the
 * supervisor back).
 */
export async function GET(request: Request): Promise<NextResponse<StackStatus>> {
  if (new URL(request.url).searchParams.get("probe") === "web") return NextResponse.json({ services: [webUp] });
  const config = loadConfig();
  try {
    const status = await createControlClient(config, { timeoutMs: 8_000 }).status();
    // A hosted visitor who stopped the pipeline sees their own frozen warehouse; everyone else the real one.
    const { stop } = visitorOfRequest(request, config);
    return NextResponse.json(withPipeline(stop ? withVisitorStop(status.services, stop, Date.now()) : status.services));
  } catch (error) {
    const detail = isFomoError(error) && error.code === "unavailable:supervisor"
      ? `supervisor not reachable at ${config.control.url}; start it with npm run demo`
      : `supervisor error: ${error instanceof Error ? error.message : String(error)}`;
    return NextResponse.json(withPipeline(SERVICE_NAMES.map((name) => (name === "web" ? webUp : { name, healthy: false, detail }))));
  }
}
