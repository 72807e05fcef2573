"use client";

import { formatNumber } from "@/lib/client/format";
import { useStackStatus } from "@/lib/client/use-stack-status";
import { InlineMarkdown } from "@/components/ui/inline-markdown";
import { shownMetrics } from "@/components/status/service-metrics";
import { SERVICE_HINTS } from "./service-hints";

/** Step 1: every service's health and figures from `/api/status`, and what to do if one is down. */
export function ServiceOverview() {
  const { status, error, kafkaRate } = useStackStatus(2000);
  return (
    <section aria-label="Service status" className="flex flex-col gap-3">
      {error && (
        <div role="alert" className="rounded-xl border border-bad/40 bg-bad/10 p-4 text-sm">
          <p className="font-semibold text-bad">Cannot read the service status</p>
          <p className="mt-1">{error.message}</p>
        </div>
      )}
      {!status && !error && <p className="text-sm text-muted">Checking services…</p>}
      <ul className="grid grid-cols-2 gap-3 lg:grid-cols-3" data-testid="service-list">
        {status?.services.map((service) => {
          const hint = SERVICE_HINTS[service.name];
          const metrics = shownMetrics(service.name, service.metrics);
          return (
            <li key={service.name} className={`rounded-xl border bg-surface p-4 ${service.healthy ? "border-line" : "border-bad/60"}`} data-testid={`service-${service.name}`} data-healthy={service.healthy}>
              <div className="flex items-center justify-between gap-2">
                <h2 className="font-semibold capitalize">{service.name}</h2>
                <span className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-semibold ${service.healthy ? "bg-ok/12 text-ok" : "bg-bad/12 text-bad"}`}>
                  <span className={`h-1.5 w-1.5 rounded-full ${service.healthy ? "bg-ok" : "bg-bad"}`} aria-hidden="true" />
                  {service.healthy ? "healthy" : "down"}
                </span>
              </div>
              <p className="mt-0.5 text-xs text-faint">{hint?.role ?? service.detail}</p>
              <p className="mt-2 line-clamp-2 text-sm text-muted">{service.detail}</p>
              {service.name === "kafka" && kafkaRate !== null && (
                <p className="mt-1 text-sm text-kf tabular">{formatNumber(Math.round(kafkaRate))} messages/s arriving</p>
              )}
              {metrics.length > 0 && (
                <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-0.5 text-xs tabular">
                  {metrics.map(({ key, label, value }) => (
                    <div key={key} className="flex justify-between gap-2 border-b border-line/60 py-0.5">
                      <dt className="truncate text-faint">{label}</dt>
                      <dd className="font-mono">{value}</dd>
                    </div>
                  ))}
                </dl>
              )}
              {!service.healthy && hint && (
                <p className="mt-3 rounded-lg bg-bad/8 p-2 text-sm"><strong>What to do: </strong><InlineMarkdown text={hint.fix} /></p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
