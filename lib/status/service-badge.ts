import type { ServiceStatus } from "../api/status";
import { flushFailureOf, isRestarting } from "./pipeline-state";
import type { PipelineTone } from "./pipeline-wording";

/**
 * The word on a service's card. "down" alone hid why: a connector whose flushes fail is running
 * but failing, a broker being restarted is coming back, a paused generator is healthy but idle.
 */
export function serviceBadge(service: ServiceStatus): { label: string; tone: PipelineTone } {
  if (isRestarting(service)) return { label: "restarting…", tone: "warn" };
  if (service.name === "connector") {
    if (service.metrics?.running === false) return { label: "stopped", tone: "warn" };
    if (flushFailureOf(service) !== null) return { label: "failing", tone: "bad" };
  }
  if (!service.healthy) return { label: "down", tone: "bad" };
  if (service.name === "generator" && service.metrics?.paused === true) return { label: "paused", tone: "warn" };
  return { label: "healthy", tone: "ok" };
}
