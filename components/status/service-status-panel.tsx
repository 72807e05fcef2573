"use client";

import { useStackStatus } from "@/lib/client/use-stack-status";
import { PipelineStatusBanner } from "./pipeline-status-banner";
import { ServiceStatusCard } from "./service-status-card";

/**
 * The pipeline's state and every service of the stack with its health, detail and key figures,
 * pushed every 2 s by the server (`/api/live`). Used by the home page.
 */
export function ServiceStatusPanel({ title = "Services" }: { title?: string }) {
  const { status, error, updatedAt, pipeline } = useStackStatus();
  const services = status?.services ?? [];
  const healthyCount = services.filter((service) => service.healthy).length;
  return (
    <section aria-labelledby="service-status-title" aria-busy={status === undefined} className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="service-status-title" className="text-lg font-semibold">
          {title}
        </h2>
        <p className="text-sm text-muted" data-testid="service-status-summary">
          {status ? `${healthyCount} of ${services.length} healthy` : "Loading…"}
          {updatedAt !== null && (
            <span className="ml-2 text-faint">updated {new Date(updatedAt).toLocaleTimeString("en-US", { hour12: false })}</span>
          )}
        </p>
      </div>
      {error && (
        <p role="alert" className="rounded-md border border-bad/40 bg-bad/10 p-3 text-sm text-bad">
          Could not load the status: {error.message}
        </p>
      )}
      {status && <PipelineStatusBanner pipeline={pipeline} />}
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Service health">
        {services.map((service) => (
          <ServiceStatusCard key={service.name} service={service} />
        ))}
      </ul>
    </section>
  );
}
