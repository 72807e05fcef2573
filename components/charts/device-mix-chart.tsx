"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { useLiveFigure } from "@/lib/client/use-live-figure";
import { DEVICE_MIX_SQL, TOP_SPENDERS_FOR_DEVICES } from "@/lib/story/difference-sql";
import { ChartCard } from "./chart-card";
import { ChartLegend } from "./chart-legend";
import { ALL_CUSTOMERS_COLOR, TOP_SPENDERS_COLOR } from "./chart-theme";
import { useChartText } from "./use-chart-text";

const percent = (v: number) => `${Math.round(v)}%`;

/** The answer: which devices the biggest spenders use, against everyone (requestlog joined with purchases, on Kafka only). */
export function DeviceMixChart() {
  const live = useLiveFigure("deviceMix");
  const data = live.value ?? [];
  const leader = data[0];
  const text = useChartText();
  const topLabel = `Top ${TOP_SPENDERS_FOR_DEVICES} spenders`;
  return (
    <ChartCard
      title="The answer: devices of the top spenders"
      subtitle={`Share of requests by device, top ${TOP_SPENDERS_FOR_DEVICES} spenders vs all customers. Only possible on Kafka: requestlog never reached the warehouse.`}
      sql={[DEVICE_MIX_SQL]}
      error={live.error}
      testId="chart-device-mix"
      aside={
        leader ? (
          <p className="max-w-44 text-right text-xs text-muted [html.presenter_&]:max-w-sm">
            <strong className="text-mix-top">{percent(leader.topSpenders)}</strong> of top spenders&apos; requests: {leader.device} (vs{" "}
            {percent(leader.everyone)} overall)
          </p>
        ) : null
      }
    >
      <ChartLegend
        items={[
          { label: topLabel, color: TOP_SPENDERS_COLOR },
          { label: "All customers", color: ALL_CUSTOMERS_COLOR },
        ]}
      />
      <BarChart
        responsive
        layout="vertical"
        data={data}
        style={{ width: "100%", height: "var(--chart-h)" }}
        margin={{ top: 4, right: 16, bottom: 0, left: 8 }}
        barGap={2}
      >
        <CartesianGrid horizontal={false} stroke="var(--line)" />
        <XAxis type="number" tick={text.tick} stroke="var(--line-strong)" tickFormatter={percent} domain={[0, 100]} />
        <YAxis type="category" dataKey="device" tick={text.labelTick} width={text.width(140)} stroke="var(--line-strong)" interval={0} />
        <Tooltip contentStyle={text.tooltip} cursor={{ fill: "var(--surface-2)" }} formatter={(v) => `${Number(v).toFixed(1)}%`} />
        <Bar dataKey="topSpenders" name={topLabel} fill={TOP_SPENDERS_COLOR} radius={[0, 4, 4, 0]} isAnimationActive={false} />
        <Bar dataKey="everyone" name="All customers" fill={ALL_CUSTOMERS_COLOR} radius={[0, 4, 4, 0]} isAnimationActive={false} />
      </BarChart>
    </ChartCard>
  );
}
