"use client";

import Link from "next/link";
import { formatAge, formatNumber } from "@/lib/client/format";
import { numberMetric, useStackStatus } from "@/lib/client/use-stack-status";
import { useSecondsUntil } from "@/lib/client/use-seconds-until";
import type { PipelineSummary } from "@/lib/api/status";
import { usePreferences } from "@/lib/client/preferences-store";
import { Box, Flow, FLOW_COLOR, TEXT } from "./diagram-parts";
import { DIAGRAM_LAYOUT } from "./diagram-layout";

/** A box's subtitle while its service is not well, in capitals so it reads at projector distance. */
function troubleOf(pipeline: PipelineSummary, service: string): string | undefined {
  if (pipeline.service !== service) return undefined;
  if (pipeline.state === "restarting") return "RESTARTING…";
  if (pipeline.state === "service_down") return "DOWN";
  return undefined;
}

const n = (value: number | null, suffix = "") => (value === null ? "…" : `${formatNumber(Math.round(value))}${suffix}`);

/** Kafka feeds the warehouse through a connector (slate) and the analyst directly through the engine (orange). */
export function ArchitectureDiagram() {
  const { status, error, kafkaRate, pipeline } = useStackStatus();
  const presenter = usePreferences((s) => s.presenter);
  const text = presenter ? TEXT.presenter : TEXT.normal;
  const at = presenter ? DIAGRAM_LAYOUT.presenter : DIAGRAM_LAYOUT.normal;
  const purchases = numberMetric(status, "kafka", "messages.purchases");
  const requests = numberMetric(status, "kafka", "messages.requestlog");
  const flushIntervalMs = numberMetric(status, "connector", "flushIntervalMs");
  const lagMessages = numberMetric(status, "connector", "lagMessages");
  const lagSeconds = numberMetric(status, "connector", "lagSeconds");
  const freshnessMs = numberMetric(status, "engine", "freshnessMs");
  const ingested = numberMetric(status, "engine", "ingestedMessages");
  const warehouseRows = numberMetric(status, "warehouse", "rows.purchases");
  const failing = pipeline.state === "failing";
  const nextBatchIn = useSecondsUntil(pipeline.nextFlushAt);
  const connectorTrouble =
    pipeline.state === "stopped" ? "STOPPED" : failing ? "FAILING: no batch loads" : troubleOf(pipeline, "connector");
  // The warehouse path is frozen whenever nothing reaches the warehouse, whatever the reason.
  const loadingFrozen =
    connectorTrouble !== undefined || troubleOf(pipeline, "warehouse") !== undefined || troubleOf(pipeline, "kafka") !== undefined;
  const lagLabel =
    lagMessages === null
      ? undefined
      : failing
        ? `flush failing · lag ${formatNumber(lagMessages)} msgs`
        : `lag ${formatNumber(lagMessages)} msgs${lagSeconds !== null ? ` · ${Math.round(lagSeconds)} s` : ""}`;
  const rateLabel = pipeline.generatorPaused
    ? "generator paused"
    : kafkaRate === null
      ? undefined
      : `${formatNumber(Math.round(kafkaRate))} msg/s`;
  const headlineTone = pipeline.tone === "bad" ? "text-bad" : pipeline.tone === "warn" ? "text-warn" : "text-fg";

  return (
    <figure className="rounded-2xl border border-line bg-surface p-4 shadow-sm" aria-labelledby="architecture-caption">
      <svg
        viewBox={`0 0 ${at.viewBox.width} ${at.viewBox.height}`}
        className={`h-auto w-full ${presenter ? "" : "max-h-[calc(100vh-25rem)] min-h-56"}`}
        role="group"
        aria-labelledby="architecture-title"
        aria-describedby="architecture-desc"
        data-testid="architecture-diagram"
      >
        <title id="architecture-title">Architecture: two ways from Kafka to the analyst</title>
        <desc id="architecture-desc">
          The generator produces events into Kafka. A sink connector copies purchases into the warehouse, which the analyst queries. The
          Kafka SQL engine lets the analyst query every topic directly. An ops path leads to the Kafka explorer.
        </desc>
        <defs>
          {(["kafka", "warehouse", "ops", "bad"] as const).map((tone) => (
            <marker
              key={tone}
              id={`arrow-${tone}`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="4.5"
              markerHeight="4.5"
              orient="auto-start-reverse"
            >
              <path d="M0 0 L10 5 L0 10 z" fill={FLOW_COLOR[tone]} />
            </marker>
          ))}
        </defs>

        <Box
          {...at.generator}
          title="Shop events"
          subtitle={troubleOf(pipeline, "generator") ?? "data generator"}
          tone={troubleOf(pipeline, "generator") ? "bad" : "neutral"}
          lines={pipeline.generatorPaused ? ["PAUSED"] : []}
          testId="diagram-generator"
          text={text}
        />
        <Box
          {...at.kafka}
          title="Kafka"
          subtitle={troubleOf(pipeline, "kafka") ?? "topics, 3 partitions each"}
          tone={pipeline.state === "service_down" && pipeline.service === "kafka" ? "bad" : "kafka"}
          lines={[`purchases  ${n(purchases)}`, `requestlog ${n(requests)}`, `${n(kafkaRate, " msg/s")} in`]}
          testId="diagram-kafka"
          text={text}
        />
        <Box
          {...at.connector}
          title="Sink connector"
          subtitle={connectorTrouble ?? "batch copy, exactly once"}
          tone={failing || pipeline.service === "connector" ? "bad" : "warehouse"}
          testId="diagram-connector"
          text={text}
        />
        <Box
          {...at.warehouse}
          title="Warehouse"
          subtitle={troubleOf(pipeline, "warehouse") ?? "MySQL · purchases only"}
          tone={pipeline.state === "service_down" && pipeline.service === "warehouse" ? "bad" : "warehouse"}
          lines={[`${n(warehouseRows)} rows`]}
          text={text}
        />
        <Box
          {...at.engine}
          title="Kafka SQL engine"
          subtitle={troubleOf(pipeline, "engine") ?? "SQL straight over topics"}
          tone={pipeline.state === "service_down" && pipeline.service === "engine" ? "bad" : "kafka"}
          lines={[`${n(ingested)} msgs queryable`]}
          text={text}
        />
        <Box {...at.analyst} title="Analyst" subtitle="SQL" tone="neutral" text={text} />

        <Flow
          d={at.rate.d}
          tone="kafka"
          label={rateLabel}
          labelX={at.rate.labelX}
          labelY={at.rate.labelY}
          frozen={pipeline.generatorPaused}
          testId="diagram-rate"
          labelSize={text.label}
        />
        <Flow
          d={at.lag.d}
          tone={failing ? "bad" : "warehouse"}
          label={lagLabel}
          labelX={failing ? at.lag.failingLabelX : at.lag.labelX}
          labelY={at.lag.labelY}
          frozen={loadingFrozen}
          testId="diagram-lag"
          labelSize={text.label}
        />
        <Flow
          d={at.flush.d}
          tone={failing ? "bad" : "warehouse"}
          label={
            flushIntervalMs === null
              ? undefined
              : `batch every ${formatNumber(flushIntervalMs / 1000)} s${nextBatchIn === null || loadingFrozen ? "" : ` · next in ${nextBatchIn} s`}`
          }
          labelX={at.flush.labelX}
          labelY={at.flush.labelY}
          frozen={loadingFrozen}
          testId="diagram-flush"
          labelSize={text.label}
        />
        <Flow d={at.warehouseToAnalyst} tone="warehouse" labelX={0} labelY={0} />
        <Flow
          d={at.freshness.d}
          tone="kafka"
          label={
            freshnessMs === null ? undefined : `fresh: ${freshnessMs < 1000 ? `${Math.round(freshnessMs)} ms` : formatAge(freshnessMs)}`
          }
          labelX={at.freshness.labelX}
          labelY={at.freshness.labelY}
          testId="diagram-freshness"
          labelSize={text.label}
        />
        <Flow d={at.engineToAnalyst} tone="kafka" labelX={0} labelY={0} />

        <Link href="/kafka">
          <g className="cursor-pointer">
            <Flow d={at.kafkaToExplorer} tone="ops" labelX={0} labelY={0} />
            <rect
              x={at.explorer.x}
              y={at.explorer.y}
              width={at.explorer.w}
              height={at.explorer.h}
              rx={12}
              fill="var(--surface)"
              stroke="var(--faint)"
              strokeDasharray="5 4"
            />
            <text
              x={at.explorer.x + 16}
              y={at.explorer.y + 9 + at.explorer.titleSize}
              fontSize={at.explorer.titleSize}
              fontWeight={600}
              fill="var(--fg)"
            >
              Kafka explorer <tspan aria-hidden="true">↗</tspan>
            </text>
            <text x={at.explorer.x + 16} y={at.explorer.y + at.explorer.h - 10} fontSize={at.explorer.subtitleSize} fill="var(--muted)">
              ops: topics, lag, tail
            </text>
          </g>
        </Link>
      </svg>
      <figcaption id="architecture-caption" className="mt-3 flex flex-wrap items-center gap-x-6 gap-y-1 text-sm text-muted lg:flex-nowrap">
        <span className="inline-flex shrink-0 items-center gap-2">
          <span className="h-1 w-6 rounded bg-wh" aria-hidden="true" /> The usual path: copy, then query the copy
        </span>
        <span className="inline-flex shrink-0 items-center gap-2">
          <span className="h-1 w-6 rounded bg-kf" aria-hidden="true" /> The FOMO path: query Kafka itself
        </span>
        {error ? (
          <span className="ml-auto text-bad" role="status">
            Live figures unavailable: {error.message}
          </span>
        ) : status ? (
          // One line, so the caption never drops below a 720-pixel screen; the full text is in the title.
          <span
            className={`ml-auto inline-flex max-w-full min-w-0 items-center justify-end gap-2 font-semibold ${headlineTone}`}
            role="status"
            aria-live="polite"
            data-testid="diagram-pipeline"
            data-state={pipeline.state}
            title={pipeline.headline}
          >
            <span
              className={`h-2.5 w-2.5 shrink-0 rounded-full ${pipeline.tone === "bad" ? "bg-bad" : pipeline.tone === "warn" ? "bg-warn" : "bg-ok"}`}
              aria-hidden="true"
            />
            <span className="truncate" data-testid="diagram-pipeline-state">
              {pipeline.headline}
            </span>
            {pipeline.state === "running" && <span className="shrink-0 text-xs font-normal text-faint">· live, every 2 s</span>}
          </span>
        ) : (
          <span className="ml-auto text-xs text-faint">Waiting for live figures…</span>
        )}
      </figcaption>
    </figure>
  );
}
