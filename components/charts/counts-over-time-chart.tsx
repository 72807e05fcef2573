"use client";

import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { LIVE_INTERVALS_MS } from "@/lib/api/live";
import { useCountSeries } from "@/lib/client/count-series-store";
import { formatNumber } from "@/lib/client/format";
import { useLiveFigure } from "@/lib/client/use-live-figure";
import { COUNT_SQL } from "@/lib/story/difference-sql";
import { ChartCard } from "./chart-card";
import { ChartLegend } from "./chart-legend";
import { KAFKA_COLOR, WAREHOUSE_COLOR } from "./chart-theme";
import { useChartText } from "./use-chart-text";

const POLL_MS = LIVE_INTERVALS_MS.counts;

const clock = (at: number) => new Date(at).toLocaleTimeString("en-GB", { hour12: false });

/** `SELECT count(*) FROM purchases` on both sides every few seconds (run once on the server for every page), as two lines. */
export function CountsOverTimeChart() {
  const live = useLiveFigure("counts");
  const samples = useCountSeries((s) => s.samples);
  const last = samples[samples.length - 1];
  const text = useChartText();
  const gap = last && last.kafka !== null && last.warehouse !== null ? last.kafka - last.warehouse : null;
  return (
    <ChartCard
      title="Warehouse rows vs Kafka messages"
      subtitle={`count(*) of purchases on both sides, every ${POLL_MS / 1000} s. The warehouse moves in steps, one per flush.`}
      sql={[COUNT_SQL]}
      error={live.error}
      testId="chart-counts"
    >
      {/* A row of its own, not squeezed beside the title: large presenter numbers never run into each other. */}
      <dl className="mb-2 grid grid-cols-3 gap-3 tabular">
        <div className="min-w-0">
          <dt className="text-2xs text-muted uppercase">Warehouse</dt>
          <dd className="text-lg font-semibold text-wh" data-testid="live-count-warehouse">
            {last?.warehouse != null ? formatNumber(last.warehouse) : "…"}
          </dd>
        </div>
        <div className="min-w-0">
          <dt className="text-2xs text-muted uppercase">Kafka</dt>
          <dd className="text-lg font-semibold text-kf" data-testid="live-count-kafka">
            {last?.kafka != null ? formatNumber(last.kafka) : "…"}
          </dd>
        </div>
        <div className="min-w-0">
          <dt className="text-2xs text-muted uppercase">Not in warehouse</dt>
          <dd className="text-lg font-semibold" data-testid="live-count-gap">
            {gap !== null ? formatNumber(gap) : "…"}
          </dd>
        </div>
      </dl>
      <ChartLegend
        items={[
          { label: "Warehouse rows", color: WAREHOUSE_COLOR, shape: "line" },
          { label: "Kafka messages", color: KAFKA_COLOR, shape: "line" },
        ]}
      />
      <LineChart
        responsive
        data={samples}
        style={{ width: "100%", height: "var(--chart-h)" }}
        margin={{ top: 8, right: 12, bottom: 0, left: 8 }}
      >
        <CartesianGrid vertical={false} stroke="var(--line)" />
        <XAxis
          dataKey="at"
          type="number"
          domain={["dataMin", "dataMax"]}
          tickFormatter={clock}
          tick={text.tick}
          stroke="var(--line-strong)"
          minTickGap={48}
        />
        <YAxis
          tick={text.tick}
          stroke="var(--line-strong)"
          tickFormatter={(v: number) => formatNumber(v)}
          width={text.width(64)}
          domain={["auto", "auto"]}
        />
        <Tooltip contentStyle={text.tooltip} labelFormatter={(at) => clock(Number(at))} formatter={(v) => formatNumber(Number(v))} />
        <Line
          type="stepAfter"
          dataKey="warehouse"
          name="Warehouse rows"
          stroke={WAREHOUSE_COLOR}
          strokeWidth={2.5}
          dot={false}
          isAnimationActive={false}
          connectNulls
        />
        <Line
          type="monotone"
          dataKey="kafka"
          name="Kafka messages"
          stroke={KAFKA_COLOR}
          strokeWidth={2.5}
          dot={false}
          isAnimationActive={false}
          connectNulls
        />
      </LineChart>
    </ChartCard>
  );
}
