import type { PipelineStateName, ServiceStatus, StackStatus } from "../api/status";

/** What the pipeline is doing, derived from the stack's status alone (pure: no clock, no I/O). */
export interface PipelineState {
  state: PipelineStateName;
  /** The service a `restarting` or `service_down` state is about. */
  service: string | null;
  reason: string | null;
  since: string | null;
  nextRetryAt: string | null;
  restartsAt: string | null;
  /** When the connector's next regular batch loads (ISO), while it runs on schedule; the "next batch in N s" countdown. */
  nextFlushAt: string | null;
  lagMessages: number | null;
  generatorPaused: boolean;
}

/** The connector's detail today ("warehouse flush failed (N rows kept, retrying): <cause>") and after "pipeline failing: <cause>". */
const FAILING_DETAIL = [/^pipeline failing:\s*([\s\S]+)$/i, /^(?:warehouse flush failed|flush held back)\s*\([^)]*\):\s*([\s\S]+)$/i];
/** What the supervisor says of a child between a crash and its first status. */
const RESTARTING_DETAIL = /^restarting\b/i;

/** Normal lag is up to one flush interval of data; beyond two intervals (and some slack) the warehouse is catching up. */
const CATCH_UP_SLACK_SECONDS = 10;

function serviceNamed(status: StackStatus, name: string): ServiceStatus | undefined {
  return status.services.find((service) => service.name === name);
}

function text(service: ServiceStatus | undefined, key: string): string | null {
  const value = service?.metrics?.[key];
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function count(service: ServiceStatus | undefined, key: string): number | null {
  const value = service?.metrics?.[key];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** The connector's flush failure, from `metrics.failure` or, for connectors without it, from its detail. */
export function flushFailureOf(connector: ServiceStatus | undefined): string | null {
  if (!connector) return null;
  const failure = text(connector, "failure");
  if (failure !== null) return failure;
  if (connector.healthy) return null;
  for (const pattern of FAILING_DETAIL) {
    const cause = pattern.exec(connector.detail.trim())?.[1]?.trim();
    if (cause) return cause;
  }
  return null;
}

/** Whether the supervisor is restarting this service (broker and warehouse: `metrics.restarting`; children: their detail). */
export function isRestarting(service: ServiceStatus | undefined): boolean {
  if (!service) return false;
  if (service.metrics?.restarting === true) return true;
  return !service.healthy && RESTARTING_DETAIL.test(service.detail.trim());
}

function isCatchingUp(connector: ServiceStatus | undefined): boolean {
  const lagSeconds = count(connector, "lagSeconds");
  const flushIntervalMs = count(connector, "flushIntervalMs");
  if (lagSeconds === null || flushIntervalMs === null) return false;
  return lagSeconds > (2 * flushIntervalMs) / 1000 + CATCH_UP_SLACK_SECONDS;
}

/**
 * The pipeline's one state, most pressing first: a broker or warehouse that is restarting or down
 * (nothing else can work), a pipeline stopped by a visitor (deliberate, so its own stale flush
 * error does not count), flushes failing, another service down, the generator paused (nothing new
 * arrives), the warehouse catching up, running.
 */
export function derivePipelineState(status: StackStatus | undefined): PipelineState {
  const connector = status ? serviceNamed(status, "connector") : undefined;
  const generator = status ? serviceNamed(status, "generator") : undefined;
  const base: PipelineState = {
    state: "unknown",
    service: null,
    reason: null,
    since: null,
    nextRetryAt: null,
    restartsAt: null,
    nextFlushAt: connector?.metrics?.running === false ? null : text(connector, "nextFlushAt"),
    lagMessages: count(connector, "lagMessages"),
    generatorPaused: generator?.metrics?.paused === true,
  };
  if (!status) return base;
  const serviceProblem = (service: ServiceStatus): PipelineState | undefined => {
    if (isRestarting(service))
      return { ...base, state: "restarting", service: service.name, reason: service.healthy ? null : service.detail };
    if (!service.healthy) return { ...base, state: "service_down", service: service.name, reason: service.detail };
    return undefined;
  };

  for (const name of ["kafka", "warehouse"]) {
    const service = serviceNamed(status, name);
    const problem = service && serviceProblem(service);
    if (problem) return problem;
  }
  if (connector?.metrics?.running === false) return { ...base, state: "stopped", restartsAt: text(connector, "restartsAt") };
  const failure = flushFailureOf(connector);
  if (failure !== null) {
    return {
      ...base,
      state: "failing",
      reason: failure,
      since: text(connector, "failingSince"),
      nextRetryAt: text(connector, "nextRetryAt"),
    };
  }
  for (const name of ["connector", "engine", "generator"]) {
    const service = serviceNamed(status, name);
    const problem = service && serviceProblem(service);
    if (problem) return problem;
  }
  if (base.generatorPaused) return { ...base, state: "generator_paused" };
  if (isCatchingUp(connector)) return { ...base, state: "catching_up" };
  return { ...base, state: "running" };
}
