import type { StackStatus } from "../../lib/api/status";
import { isFomoError } from "../../lib/errors";
import { summarizePipeline } from "../../lib/status/pipeline-wording";
import type { FomoConfig } from "../config";
import { createControlClient } from "../stack/control-client";
import { SERVICE_NAMES } from "../stack/service-names";

export const WEB_UP = { name: "web", healthy: true, detail: "the web app answers" };

/** The services plus the pipeline's state in words, derived once here as every page derives it. */
export function withPipeline(services: StackStatus["services"]): StackStatus {
  return { services, pipeline: summarizePipeline({ services }) };
}

/**
 * Every service's health from the stack supervisor, with `pipeline`. Never throws: when the
 * supervisor does not answer, every service but the web app is reported down with the reason.
 */
export async function loadStackStatus(config: FomoConfig): Promise<StackStatus> {
  try {
    const status = await createControlClient(config, { timeoutMs: 8_000 }).status();
    return withPipeline(status.services);
  } catch (error) {
    const detail = isFomoError(error) && error.code === "unavailable:supervisor"
      ? `supervisor not reachable at ${config.control.url}; start it with npm run demo`
      : `supervisor error: ${error instanceof Error ? error.message : String(error)}`;
    return withPipeline(SERVICE_NAMES.map((name) => (name === "web" ? WEB_UP : { name, healthy: false, detail })));
  }
}
