"use client";

import Link from "next/link";
import { formatAge, formatNumber } from "@/lib/client/format";
import { numberMetric, useStackStatus } from "@/lib/client/use-stack-status";
import { useSecondsUntil } from "@/lib/client/use-seconds-until";
import type { PipelineSummary } from "@/lib/api/status";
import { usePreferences } from "@/lib/client/preferences-store";
import { Box, Flow, FLOW_COLOR, TEXT } from "./diagram-parts";

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
        viewBox="0 0 1200 450"
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
          x={10}
          y={175}
          w={170}
          h={96}
          title="Shop events"
          subtitle={troubleOf(pipeline, "generator") ?? "data generator"}
          tone={troubleOf(pipeline, "generator") ? "bad" : "neutral"}
          lines={pipeline.generatorPaused ? ["PAUSED"] : []}
          testId="diagram-generator"
          text={text}
        />
        <Box
          x={270}
          y={140}
          w={230}
          h={168}
          title="Kafka"
          subtitle={troubleOf(pipeline, "kafka") ?? "topics, 3 partitions each"}
          tone={pipeline.state === "service_down" && pipeline.service === "kafka" ? "bad" : "kafka"}
          lines={[`purchases  ${n(purchases)}`, `requestlog ${n(requests)}`, `${n(kafkaRate, " msg/s")} in`]}
          testId="diagram-kafka"
          text={text}
        />
        <Box
          x={590}
          y={22}
          w={210}
          h={96}
          title="Sink connector"
          subtitle={connectorTrouble ?? "batch copy, exactly once"}
          tone={failing || pipeline.service === "connector" ? "bad" : "warehouse"}
          testId="diagram-connector"
          text={text}
        />
        <Box
          x={870}
          y={22}
          w={190}
          h={96}
          title="Warehouse"
          subtitle={troubleOf(pipeline, "warehouse") ?? "MySQL · purchases only"}
          tone={pipeline.state === "service_down" && pipeline.service === "warehouse" ? "bad" : "warehouse"}
          lines={[`${n(warehouseRows)} rows`]}
          text={text}
        />
        <Box
          x={640}
          y={322}
          w={250}
          h={96}
          title="Kafka SQL engine"
          subtitle={troubleOf(pipeline, "engine") ?? "SQL straight over topics"}
          tone={pipeline.state === "service_down" && pipeline.service === "engine" ? "bad" : "kafka"}
          lines={[`${n(ingested)} msgs queryable`]}
          text={text}
        />
        <Box x={1060} y={175} w={130} h={96} title="Analyst" subtitle="SQL" tone="neutral" text={text} />

        <Flow
          d="M180 223 L262 223"
          tone="kafka"
          label={rateLabel}
          labelX={186}
          labelY={205}
          frozen={pipeline.generatorPaused}
          testId="diagram-rate"
          labelSize={text.label}
        />
        <Flow
          d="M500 180 C 540 180, 540 70, 582 70"
          tone={failing ? "bad" : "warehouse"}
          label={lagLabel}
          labelX={failing ? 330 : 430}
          labelY={115}
          frozen={loadingFrozen}
          testId="diagram-lag"
          labelSize={text.label}
        />
        <Flow
          d="M800 70 L862 70"
          tone={failing ? "bad" : "warehouse"}
          label={
            flushIntervalMs === null
              ? undefined
              : `batch every ${formatNumber(flushIntervalMs / 1000)} s${nextBatchIn === null || loadingFrozen ? "" : ` · next in ${nextBatchIn} s`}`
          }
          labelX={772}
          labelY={142}
          frozen={loadingFrozen}
          testId="diagram-flush"
          labelSize={text.label}
        />
        <Flow d="M1060 90 C 1110 90, 1125 120, 1125 167" tone="warehouse" labelX={0} labelY={0} />
        <Flow
          d="M500 265 C 560 265, 570 370, 632 370"
          tone="kafka"
          label={
            freshnessMs === null ? undefined : `fresh: ${freshnessMs < 1000 ? `${Math.round(freshnessMs)} ms` : formatAge(freshnessMs)}`
          }
          labelX={486}
          labelY={345}
          testId="diagram-freshness"
          labelSize={text.label}
        />
        <Flow d="M890 370 C 1060 370, 1125 340, 1125 279" tone="kafka" labelX={0} labelY={0} />

        <Link href="/kafka">
          <g className="cursor-pointer">
            <Flow d="M385 308 L385 372" tone="ops" labelX={0} labelY={0} />
            <rect x={300} y={376} width={170} height={56} rx={12} fill="var(--surface)" stroke="var(--faint)" strokeDasharray="5 4" />
            <text x={316} y={400} fontSize={presenter ? 19 : 15} fontWeight={600} fill="var(--fg)">
              Kafka explorer <tspan aria-hidden="true">↗</tspan>
            </text>
            <text x={316} y={422} fontSize={presenter ? 19 : 12.5} fill="var(--muted)">
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
