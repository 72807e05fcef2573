import { NextResponse } from "next/server";
import type { StackStatus } from "../../../lib/api/status";
import { isFomoError } from "../../../lib/errors";
import { summarizePipeline } from "../../../lib/status/pipeline-wording";
import { loadConfig } from "../../../server/config";
import { createControlClient } from "../../../server/stack/control-client";
import { SERVICE_NAMES } from "../../../server/stack/service-names";
import { redactInternals } from "../../../server/security/public-error";

export const dynamic = "force-dynamic";

const webUp = { name: "web", healthy: true, detail: "the web app answers" };

/**
 * The services plus the pipeline's state in words, derived once here as every page derives it.
 * Hosted visitors get the details without file paths and addresses (the supervisor writes them
 * for the operator: log files, broker and warehouse addresses).
 */
function withPipeline(services: StackStatus["services"]): StackStatus {
  const shown = loadConfig().hosted.enabled ? services.map((service) => ({ ...service, detail: redactInternals(service.detail) })) : services;
  return { services: shown, pipeline: summarizePipeline({ services: shown }) };
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
    return NextResponse.json(withPipeline(status.services));
  } catch (error) {
    const detail = isFomoError(error) && error.code === "unavailable:supervisor"
      ? `supervisor not reachable at ${config.control.url}; start it with npm run demo`
      : `supervisor error: ${error instanceof Error ? error.message : String(error)}`;
    if (!isFomoError(error) || error.code !== "unavailable:supervisor") console.error("[api] status:", error);
    return NextResponse.json(withPipeline(SERVICE_NAMES.map((name) => (name === "web" ? webUp : { name, healthy: false, detail }))));
  }
}
