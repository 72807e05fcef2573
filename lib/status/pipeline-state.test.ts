import { describe, expect, it } from "vitest";
import type { ServiceStatus, StackStatus } from "../api/status";
import { derivePipelineState, flushFailureOf } from "./pipeline-state";
import { describePipelineState, summarizePipeline } from "./pipeline-wording";
import { serviceBadge } from "./service-badge";

type Metrics = NonNullable<ServiceStatus["metrics"]>;

const healthyConnector: Metrics = { running: true, lagMessages: 12, lagSeconds: 2, flushIntervalMs: 3000, rowsLoaded: 100 };

/** A stack where everything is healthy, with per-service changes on top. */
function stack(changes: Partial<Record<string, Partial<ServiceStatus>>> = {}): StackStatus {
  const base: ServiceStatus[] = [
    { name: "kafka", healthy: true, detail: "embedded broker, 3 topics", metrics: { topics: 3 } },
    { name: "warehouse", healthy: true, detail: "embedded warehouse", metrics: { "rows.purchases": 100 } },
    { name: "generator", healthy: true, detail: "trickling", metrics: { paused: false } },
    { name: "connector", healthy: true, detail: "loading purchases", metrics: healthyConnector },
    { name: "engine", healthy: true, detail: "ingesting", metrics: {} },
    { name: "web", healthy: true, detail: "the web app answers" },
  ];
  return { services: base.map((service) => ({ ...service, ...changes[service.name] })) };
}

const TODAY_FLUSH_DETAIL =
  "warehouse flush failed (42 rows kept, retrying): INSERT command denied to user 'fomo_writer'@'localhost' for table `fomo`.`purchases`";

describe("pipeline state", () => {
  it("is unknown until a status arrives", () => {
    expect(summarizePipeline(undefined)).toMatchObject({ state: "unknown", headline: "Checking the pipeline…" });
  });

  it("is running when every service is healthy and the lag is within a flush or two", () => {
    expect(summarizePipeline(stack())).toMatchObject({ state: "running", tone: "ok", headline: "Pipeline running" });
  });

  it("says failing with the cause from today's connector detail, which has no failure metric", () => {
    const summary = summarizePipeline(stack({ connector: { healthy: false, detail: TODAY_FLUSH_DETAIL } }));
    expect(summary).toMatchObject({ state: "failing", tone: "bad", since: null });
    expect(summary.headline).toBe("Pipeline failing: INSERT command denied to user 'fomo_writer'@'localhost' for table `fomo`.`purchases`");
  });

  it("says failing from the failure metric, with since and next retry, when the connector reports them", () => {
    const connector = {
      healthy: false,
      detail: "pipeline failing: Lock wait timeout exceeded",
      metrics: {
        ...healthyConnector,
        failure: "Lock wait timeout exceeded",
        failingSince: "2026-01-01T10:00:00.000Z",
        nextRetryAt: "2026-01-01T10:00:08.000Z",
      },
    };
    const summary = summarizePipeline(stack({ connector }));
    expect(summary).toMatchObject({
      state: "failing",
      headline: "Pipeline failing: Lock wait timeout exceeded",
      since: "2026-01-01T10:00:00.000Z",
      nextRetryAt: "2026-01-01T10:00:08.000Z",
    });
    expect(summary.detail).toContain("Failing since 2026-01-01T10:00:00.000Z.");
  });

  it("reads the cause of the new connector's detail when its metrics are missing", () => {
    expect(flushFailureOf({ name: "connector", healthy: false, detail: "pipeline failing: Table 'fomo.purchases' doesn't exist" })).toBe(
      "Table 'fomo.purchases' doesn't exist",
    );
  });

  it("ignores a null failure metric and is running again once the flushes succeed", () => {
    const connector = {
      healthy: true,
      detail: "loading purchases",
      metrics: { ...healthyConnector, failure: null, failingSince: null, nextRetryAt: null },
    };
    expect(derivePipelineState(stack({ connector })).state).toBe("running");
  });

  it("says stopped by the visitor, with the time it restarts, even while an old flush error lingers", () => {
    const connector = {
      healthy: false,
      detail: TODAY_FLUSH_DETAIL,
      metrics: { ...healthyConnector, running: false, restartsAt: "2026-01-01T10:10:00.000Z" },
    };
    const summary = describePipelineState(derivePipelineState(stack({ connector })), () => "10:10:00");
    expect(summary).toMatchObject({ state: "stopped", tone: "warn", headline: "Pipeline stopped", restartsAt: "2026-01-01T10:10:00.000Z" });
    expect(summary.detail).toContain("Restarts on its own at 10:10:00.");
  });

  it("says generator paused, and no longer that Kafka keeps going", () => {
    const summary = summarizePipeline(stack({ generator: { metrics: { paused: true } } }));
    expect(summary).toMatchObject({ state: "generator_paused", headline: "Generator paused", generatorPaused: true });
    expect(summary.detail).not.toMatch(/keeps growing|stays live/);
  });

  it("keeps a failing pipeline ahead of a paused generator, and says the generator is paused in its detail", () => {
    const summary = summarizePipeline(
      stack({ generator: { metrics: { paused: true } }, connector: { healthy: false, detail: TODAY_FLUSH_DETAIL } }),
    );
    expect(summary.state).toBe("failing");
    expect(summary.detail).toContain("the generator is paused");
  });

  it("says catching up when the warehouse trails by more than two flush intervals", () => {
    const connector = { metrics: { ...healthyConnector, lagMessages: 5000, lagSeconds: 40 } };
    expect(summarizePipeline(stack({ connector }))).toMatchObject({
      state: "catching_up",
      headline: "Pipeline catching up",
      lagMessages: 5000,
    });
  });

  it("says Kafka restarting… or Warehouse restarting… from the supervisor's restarting metric", () => {
    const kafka = {
      healthy: false,
      detail: "embedded broker not reachable",
      metrics: { restarting: true, restarts: 1, lastCrashAt: "2026-01-01T10:00:00.000Z" },
    };
    expect(summarizePipeline(stack({ kafka }))).toMatchObject({ state: "restarting", service: "kafka", headline: "Kafka restarting…" });
    const warehouse = { healthy: false, detail: "connect ECONNREFUSED", metrics: { restarting: true } };
    expect(summarizePipeline(stack({ warehouse, connector: { healthy: false, detail: TODAY_FLUSH_DETAIL } })).headline).toBe(
      "Warehouse restarting…",
    );
  });

  it("says a service is down, with its detail, when it is unhealthy for another reason", () => {
    const summary = summarizePipeline(
      stack({ kafka: { healthy: false, detail: "supervisor not reachable at http://127.0.0.1:3100; start it with npm run demo" } }),
    );
    expect(summary).toMatchObject({ state: "service_down", service: "kafka", tone: "bad", headline: "Kafka down" });
    expect(summary.detail).toContain("supervisor not reachable");
    expect(summarizePipeline(stack({ engine: { healthy: false, detail: "exited with code 1" } })).headline).toBe("Kafka SQL engine down");
  });

  it("says a crashed connector is restarting rather than failing", () => {
    const connector = { healthy: false, detail: "restarting after a crash", metrics: undefined };
    expect(summarizePipeline(stack({ connector }))).toMatchObject({ state: "restarting", headline: "Connector restarting…" });
  });
});

describe("service badge", () => {
  it("says failing, stopped, restarting… or paused instead of a bare down or healthy", () => {
    expect(serviceBadge({ name: "connector", healthy: false, detail: TODAY_FLUSH_DETAIL, metrics: healthyConnector })).toEqual({
      label: "failing",
      tone: "bad",
    });
    expect(serviceBadge({ name: "connector", healthy: true, detail: "stopped", metrics: { ...healthyConnector, running: false } })).toEqual(
      { label: "stopped", tone: "warn" },
    );
    expect(serviceBadge({ name: "kafka", healthy: false, detail: "not reachable", metrics: { restarting: true } })).toEqual({
      label: "restarting…",
      tone: "warn",
    });
    expect(serviceBadge({ name: "generator", healthy: true, detail: "paused", metrics: { paused: true } })).toEqual({
      label: "paused",
      tone: "warn",
    });
    expect(serviceBadge({ name: "engine", healthy: false, detail: "exited with code 1" })).toEqual({ label: "down", tone: "bad" });
    expect(serviceBadge({ name: "warehouse", healthy: true, detail: "up" })).toEqual({ label: "healthy", tone: "ok" });
  });
});
