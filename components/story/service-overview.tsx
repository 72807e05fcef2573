"use client";

import { formatNumber } from "@/lib/client/format";
import { useStackStatus } from "@/lib/client/use-stack-status";
import { usePreferences } from "@/lib/client/preferences-store";
import { serviceBadge } from "@/lib/status/service-badge";
import { InlineMarkdown } from "@/components/ui/inline-markdown";
import { PipelineStatusBanner } from "@/components/status/pipeline-status-banner";
import { shownMetrics } from "@/components/status/service-metrics";
import { BADGE_STYLE } from "@/components/status/badge-style";
import { SERVICE_HINTS } from "./service-hints";

const RESTARTING_HINT = "The demo restarts it on its own, data kept; this takes a few seconds.";

/**
 * The story shows each service's first figures in one column (four, three on a projector, with no
 * detail line there): seven services in two rows of four must fit a 1280x720 screen, and at that
 * width two columns of figures truncated their labels. The full set is in the SQL lab's status
 * panel and `/api/status`.
 */
const STORY_METRICS = 4;
const PRESENTER_METRICS = 3;

/** Step 1: the pipeline's state, every service's health and figures pushed by the server (`/api/live`, the same as `/api/status`), and what to do if one is down. */
export function ServiceOverview() {
  const { status, error, kafkaRate, pipeline } = useStackStatus();
  const presenter = usePreferences((s) => s.presenter);
  return (
    <section aria-label="Service status" className="flex flex-col gap-3">
      {error && (
        <div role="alert" className="rounded-xl border border-bad/40 bg-bad/10 p-4 text-sm">
          <p className="font-semibold text-bad">Cannot read the service status</p>
          <p className="mt-1">{error.message}</p>
        </div>
      )}
      {!status && !error && <p className="text-sm text-muted">Checking services…</p>}
      {status && pipeline.state !== "running" && <PipelineStatusBanner pipeline={pipeline} compact />}
      <ul className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="service-list">
        {status?.services.map((service) => {
          const hint = SERVICE_HINTS[service.name];
          const allMetrics = shownMetrics(service.name, service.metrics);
          const metrics = allMetrics.slice(0, presenter ? PRESENTER_METRICS : STORY_METRICS);
          const badge = serviceBadge(service);
          const style = BADGE_STYLE[badge.tone];
          const whatToDo =
            badge.label === "restarting…"
              ? RESTARTING_HINT
              : badge.label === "failing"
                ? hint?.failing
                : badge.tone === "bad"
                  ? hint?.fix
                  : undefined;
          return (
            <li
              key={service.name}
              // Slightly tighter on short screens so both rows of cards fit above the footer at 1280x720.
              className={`rounded-xl border bg-surface p-4 [@media(max-height:800px)]:p-3.5 ${style.border}`}
              data-testid={`service-${service.name}`}
              data-healthy={service.healthy}
              data-badge={badge.label}
            >
              <div className="flex items-center justify-between gap-2">
                {/* "schema-registry" reads "Schema Registry" (capitalize acts per word). */}
                <h2 className="font-semibold capitalize">{service.name.replaceAll("-", " ")}</h2>
                <span
                  className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-semibold ${style.pill}`}
                  data-testid={`service-${service.name}-badge`}
                >
                  <span className={`h-1.5 w-1.5 rounded-full ${style.dot}`} aria-hidden="true" />
                  {badge.label}
                </span>
              </div>
              <p className="mt-0.5 text-xs text-faint">{hint?.role ?? service.detail}</p>
              {!presenter && (
                <p
                  className="mt-2 line-clamp-2 text-sm break-words text-muted [@media(max-height:800px)]:line-clamp-1"
                  title={service.detail}
                >
                  {service.detail}
                </p>
              )}
              {service.name === "kafka" && kafkaRate !== null && (
                <p className="mt-1 text-sm text-kf tabular">{formatNumber(Math.round(kafkaRate))} messages/s arriving</p>
              )}
              {metrics.length > 0 && (
                <dl className="mt-2 grid grid-cols-1 gap-y-0.5 text-xs tabular">
                  {metrics.map(({ key, label, value }) => (
                    <div key={key} className="flex justify-between gap-2 border-b border-line/60 py-0.5">
                      <dt className="truncate text-faint">{label}</dt>
                      <dd className="font-mono">{value}</dd>
                    </div>
                  ))}
                </dl>
              )}
              {whatToDo && (
                <p className={`mt-3 rounded-lg p-2 text-sm ${style.hint}`}>
                  <strong>What to do: </strong>
                  <InlineMarkdown text={whatToDo} />
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
