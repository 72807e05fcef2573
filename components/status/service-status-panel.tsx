"use client";

import { useEffect, useState } from "react";
import { stackStatusSchema, type StackStatus } from "../../lib/api/status";
import { ServiceStatusCard } from "./service-status-card";

interface PanelState {
  status: StackStatus | undefined;
  error: string | undefined;
  updatedAt: Date | undefined;
}

async function fetchStackStatus(signal: AbortSignal): Promise<StackStatus> {
  const response = await fetch("/api/status", { cache: "no-store", signal });
  if (!response.ok) throw new Error(`/api/status answered ${response.status}`);
  return stackStatusSchema.parse(await response.json());
}

/**
 * Every service of the stack with its health, detail and key figures, refreshed every
 * `intervalMs` from `/api/status`. Used by the status page and the story's step 1.
 */
export function ServiceStatusPanel({ intervalMs = 2_000, title = "Services" }: { intervalMs?: number; title?: string }) {
  const [state, setState] = useState<PanelState>({ status: undefined, error: undefined, updatedAt: undefined });

  useEffect(() => {
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | undefined;
    const poll = async () => {
      controller = new AbortController();
      try {
        const status = await fetchStackStatus(controller.signal);
        if (active) setState({ status, error: undefined, updatedAt: new Date() });
      } catch (error) {
        if (active) setState((current) => ({ ...current, error: error instanceof Error ? error.message : String(error) }));
      }
      if (active) timer = setTimeout(() => void poll(), intervalMs);
    };
    void poll();
    return () => {
      active = false;
      controller?.abort();
      if (timer) clearTimeout(timer);
    };
  }, [intervalMs]);

  const services = state.status?.services ?? [];
  const healthyCount = services.filter((service) => service.healthy).length;
  return (
    <section aria-labelledby="service-status-title" aria-busy={state.status === undefined} className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="service-status-title" className="text-lg font-semibold">
          {title}
        </h2>
        <p className="text-sm text-muted" data-testid="service-status-summary">
          {state.status ? `${healthyCount} of ${services.length} healthy` : "Loading…"}
          {state.updatedAt && <span className="ml-2 text-faint">updated {state.updatedAt.toLocaleTimeString("en-US", { hour12: false })}</span>}
        </p>
      </div>
      {state.error && (
        <p role="alert" className="rounded-md border border-bad/40 bg-bad/10 p-3 text-sm text-bad">
          Could not load the status: {state.error}
        </p>
      )}
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Service health">
        {services.map((service) => (
          <ServiceStatusCard key={service.name} service={service} />
        ))}
      </ul>
    </section>
  );
}
