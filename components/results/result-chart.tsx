"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { Database, QueryResult } from "@/lib/api/query";
import { formatNumber } from "@/lib/client/format";
import { deviceName } from "@/lib/story/devices";
import { useChartText } from "@/components/charts/use-chart-text";
import { chartPoints } from "./chart-shape";

function shortLabel(label: string): string {
  if (label.startsWith("Mozilla/")) return deviceName(label);
  return label.length > 22 ? `${label.slice(0, 20)}…` : label;
}

/** Horizontal bars for a grouped result (one label column, one number column). */
export function ResultChart({ result, database }: { result: QueryResult; database: Database }) {
  const text = useChartText();
  const shape = chartPoints(result);
  if (!shape) return null;
  const data = shape.points.map((p) => ({ ...p, short: shortLabel(p.label) }));
  const height = Math.min(40 + data.length * 30, 320);
  const fill = database === "kafka" ? "var(--kf)" : "var(--wh)";
  return (
    <figure
      className="rounded-lg border border-line bg-surface p-3"
      aria-label={`Bar chart of ${shape.valueColumn} by ${shape.labelColumn}`}
      data-testid="result-chart"
    >
      <figcaption className="mb-1 text-xs font-medium text-muted">
        {shape.valueColumn} by {shape.labelColumn}
      </figcaption>
      <BarChart
        responsive
        layout="vertical"
        data={data}
        style={{ width: "100%", height }}
        margin={{ top: 4, right: 24, bottom: 4, left: 8 }}
      >
        <CartesianGrid horizontal={false} stroke="var(--line)" />
        <XAxis type="number" tickFormatter={(v: number) => formatNumber(v)} tick={text.tick} stroke="var(--line-strong)" />
        <YAxis type="category" dataKey="short" width={text.width(150)} tick={text.labelTick} stroke="var(--line-strong)" interval={0} />
        <Tooltip
          cursor={{ fill: "var(--surface-2)" }}
          contentStyle={text.tooltip}
          formatter={(value) => [formatNumber(Number(value)), shape.valueColumn]}
          labelFormatter={(_label, payload) => String(payload?.[0]?.payload?.label ?? "")}
        />
        <Bar dataKey="value" fill={fill} radius={[0, 4, 4, 0]} isAnimationActive={false} />
      </BarChart>
    </figure>
  );
}
