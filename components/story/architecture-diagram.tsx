"use client";

import Link from "next/link";
import { formatAge, formatNumber } from "@/lib/client/format";
import { numberMetric, useStackStatus } from "@/lib/client/use-stack-status";
import { useSecondsUntil } from "@/lib/client/use-seconds-until";
import type { PipelineSummary } from "@/lib/api/status";
import { usePreferences } from "@/lib/client/preferences-store";

/**
 * SVG text sizes, in viewBox units. In presenter mode the diagram is drawn at about one unit per
 * pixel (full width, no height cap) and no text is under 19 units, so none is under 18 px on a
 * 1280x720 projector.
 */
const TEXT = {
  normal: { title: 17, subtitle: 13, line: 13.5, label: 12.5, lineGap: 20 },
  presenter: { title: 21, subtitle: 19, line: 19, label: 19, lineGap: 25 },
};
type TextSizes = (typeof TEXT)["normal"];

interface BoxProps {
  x: number;
  y: number;
  w: number;
  h: number;
  title: string;
  subtitle: string;
  tone: "kafka" | "warehouse" | "neutral" | "bad";
  lines?: string[];
  testId?: string;
  text: TextSizes;
}

const toneStyle = {
  kafka: { stroke: "var(--kf)", fill: "var(--kf-soft)", title: "var(--fg)" },
  warehouse: { stroke: "var(--wh)", fill: "var(--wh-soft)", title: "var(--fg)" },
  neutral: { stroke: "var(--line-strong)", fill: "var(--surface)", title: "var(--fg)" },
  bad: { stroke: "var(--bad)", fill: "color-mix(in srgb, var(--bad) 9%, var(--surface))", title: "var(--fg)" },
};

type FlowTone = "kafka" | "warehouse" | "ops" | "bad";
const FLOW_COLOR: Record<FlowTone, string> = { kafka: "var(--kf)", warehouse: "var(--wh)", ops: "var(--faint)", bad: "var(--bad)" };

/** A box's subtitle while its service is not well, in capitals so it reads at projector distance. */
function troubleOf(pipeline: PipelineSummary, service: string): string | undefined {
  if (pipeline.service !== service) return undefined;
  if (pipeline.state === "restarting") return "RESTARTING…";
  if (pipeline.state === "service_down") return "DOWN";
  return undefined;
}

function Box({ x, y, w, h, title, subtitle, tone, lines = [], testId, text }: BoxProps) {
  const style = toneStyle[tone];
  return (
    <g data-testid={testId}>
      <rect x={x} y={y} width={w} height={h} rx={14} fill={style.fill} stroke={style.stroke} strokeWidth={2} />
      <text x={x + 14} y={y + 28} fontSize={text.title} fontWeight={650} fill={style.title}>
        {title}
      </text>
      <text x={x + 14} y={y + 30 + text.lineGap} fontSize={text.subtitle} fill="var(--muted)">
        {subtitle}
      </text>
      {lines.map((line, i) => (
        <text
          key={i}
          x={x + 14}
          y={y + 56 + text.lineGap * (i + 1)}
          fontSize={text.line}
          fill="var(--fg)"
          className="tabular"
          fontFamily="var(--font-mono)"
        >
          {line}
        </text>
      ))}
    </g>
  );
}

interface FlowProps {
  d: string;
  tone: FlowTone;
  label?: string;
  labelX: number;
  labelY: number;
  frozen?: boolean;
  testId?: string;
  labelSize?: number;
}

function Flow({ d, tone, label, labelX, labelY, frozen, testId, labelSize = 12.5 }: FlowProps) {
  const color = FLOW_COLOR[tone];
  return (
    <g>
      <path
        d={d}
        fill="none"
        stroke={color}
        strokeWidth={tone === "ops" ? 1.5 : 3}
        className={`flow-line ${frozen ? "frozen" : ""}`}
        markerEnd={`url(#arrow-${tone})`}
        opacity={frozen ? 0.45 : 1}
      />
      {label && (
        <g>
          <rect
            x={labelX - 4}
            y={labelY - labelSize * 1.2}
            width={label.length * labelSize * 0.6 + 14}
            height={labelSize * 1.75}
            rx={11}
            fill="var(--surface)"
            stroke={color}
            strokeWidth={1}
          />
          <text x={labelX + 2} y={labelY} fontSize={labelSize} fontWeight={600} fill={color} className="tabular" data-testid={testId}>
            {label}
          </text>
        </g>
      )}
    </g>
  );
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
