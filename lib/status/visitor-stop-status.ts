import type { ServiceStatus, StackStatus } from "../api/status";

/**
 * One hosted visitor's view of the stack while they have stopped the pipeline for themselves: the
 * real connector keeps loading for everyone else, so its figures are rewritten for this visitor
 * only: stopped, their warehouse holding the rows it had at the stop, the lag growing by what
 * everyone else's warehouse loaded since. Pure (the clock comes in), used by `/api/status`.
 */
export interface VisitorStopView {
  stoppedAtMs: number;
  restartsAtMs: number;
  rowsAtStop: number | null;
  rowsLoadedAtStop: number | null;
}

function numberOf(service: ServiceStatus, key: string): number | null {
  const value = service.metrics?.[key];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function frozenConnector(connector: ServiceStatus, stop: VisitorStopView, nowMs: number): ServiceStatus {
  const loaded = numberOf(connector, "rowsLoaded");
  const loadedSince = loaded !== null && stop.rowsLoadedAtStop !== null ? Math.max(0, loaded - stop.rowsLoadedAtStop) : 0;
  const lag = numberOf(connector, "lagMessages");
  const lagSeconds = numberOf(connector, "lagSeconds");
  const restartsAt = new Date(stop.restartsAtMs).toISOString();
  return {
    ...connector,
    healthy: true,
    detail: `stopped by you at ${new Date(stop.stoppedAtMs).toISOString()}: your warehouse is frozen (other visitors' keeps loading); restarts on its own at ${restartsAt}`,
    metrics: {
      ...connector.metrics,
      running: false,
      restartsAt,
      rowsLoaded: stop.rowsLoadedAtStop ?? loaded,
      lagMessages: lag === null ? null : lag + loadedSince,
      lagSeconds: lagSeconds === null ? null : Math.round((lagSeconds + Math.max(0, nowMs - stop.stoppedAtMs) / 1000) * 10) / 10,
      failure: null,
    },
  };
}

function frozenWarehouse(warehouse: ServiceStatus, stop: VisitorStopView): ServiceStatus {
  if (stop.rowsAtStop === null || !warehouse.healthy) return warehouse;
  return { ...warehouse, metrics: { ...warehouse.metrics, "rows.purchases": stop.rowsAtStop } };
}

export function withVisitorStop(services: StackStatus["services"], stop: VisitorStopView, nowMs: number): StackStatus["services"] {
  return services.map((service) => {
    if (service.name === "connector") return frozenConnector(service, stop, nowMs);
    if (service.name === "warehouse") return frozenWarehouse(service, stop);
    return service;
  });
}
