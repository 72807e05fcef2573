import type { StackStatus } from "../../lib/api/status";
import { isFomoError } from "../../lib/errors";
import { summarizePipeline } from "../../lib/status/pipeline-wording";
import type { FomoConfig } from "../config";
import { redactInternals } from "../security/public-error";
import { createControlClient } from "../stack/control-client";
import { SERVICE_NAMES } from "../stack/service-names";

export const WEB_UP = { name: "web", healthy: true, detail: "the web app answers" };

/**
 * The services plus the pipeline's state in words, derived once here as every page derives it.
 * Hosted visitors get the details without file paths and addresses (the supervisor writes them
 * for the operator: log files, broker and warehouse addresses).
 */
export function withPipeline(services: StackStatus["services"], hosted = false): StackStatus {
  const shown = hosted ? services.map((service) => ({ ...service, detail: redactInternals(service.detail) })) : services;
  return { services: shown, pipeline: summarizePipeline({ services: shown }) };
}

/**
 * Every service's health from the stack supervisor, with `pipeline`. Never throws: when the
 * supervisor does not answer, every service but the web app is reported down with the reason.
 */
export async function loadStackStatus(config: FomoConfig): Promise<StackStatus> {
  try {
    const status = await createControlClient(config, { timeoutMs: 8_000 }).status();
    return withPipeline(status.services, config.hosted.enabled);
  } catch (error) {
    const detail =
      isFomoError(error) && error.code === "unavailable:supervisor"
        ? `supervisor not reachable at ${config.control.url}; start it with npm run demo`
        : `supervisor error: ${error instanceof Error ? error.message : String(error)}`;
    if (!isFomoError(error) || error.code !== "unavailable:supervisor") console.error("[api] status:", error);
    return withPipeline(
      SERVICE_NAMES.map((name) => (name === "web" ? WEB_UP : { name, healthy: false, detail })),
      config.hosted.enabled,
    );
  }
}
