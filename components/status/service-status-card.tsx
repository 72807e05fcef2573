import type { ServiceStatus } from "@/lib/api/status";
import { serviceBadge } from "@/lib/status/service-badge";
import { BADGE_STYLE } from "./badge-style";
import { shownMetrics } from "./service-metrics";

/** One service: name, a health badge (failing, restarting…, paused…: text and colour, never colour alone), detail and figures. */
export function ServiceStatusCard({ service }: { service: ServiceStatus }) {
  const metrics = shownMetrics(service.name, service.metrics);
  const headingId = `service-${service.name}-name`;
  const badge = serviceBadge(service);
  const style = BADGE_STYLE[badge.tone];
  return (
    <li
      aria-labelledby={headingId}
      data-testid={`service-${service.name}`}
      data-healthy={service.healthy}
      data-badge={badge.label}
      className={`rounded-lg border bg-surface p-4 shadow-sm ${style.border}`}
    >
      <div className="flex items-center justify-between gap-3">
        <h3 id={headingId} className="font-mono text-base font-semibold">
          {service.name}
        </h3>
        <span className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-medium ${style.pill}`}>
          <span aria-hidden="true" className={`h-2 w-2 rounded-full ${style.dot}`} />
          {badge.label}
        </span>
      </div>
      <p className="mt-2 break-words text-sm text-muted">{service.detail}</p>
      {metrics.length > 0 && (
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {metrics.map(({ key, label, value }) => (
            <div key={key} className="contents">
              <dt className="text-faint">{label}</dt>
              <dd className="tabular text-right font-mono">{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}
