"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { useLiveFigure } from "@/lib/client/use-live-figure";
import { DEVICE_MIX_SQL, TOP_SPENDERS_FOR_DEVICES } from "@/lib/story/difference-sql";
import { ChartCard } from "./chart-card";
import { axisTick, KAFKA_COLOR, tooltipStyle } from "./chart-theme";

const percent = (v: number) => `${Math.round(v)}%`;

/** The answer: which devices the biggest spenders use, against everyone (requestlog joined with purchases, on Kafka only). */
export function DeviceMixChart() {
  const live = useLiveFigure("deviceMix");
  const data = live.value ?? [];
  const leader = data[0];
  return (
    <ChartCard
      title="The answer: devices of the top spenders"
      subtitle={`Share of requests by device, top ${TOP_SPENDERS_FOR_DEVICES} spenders vs all customers. Only possible on Kafka: requestlog never reached the warehouse.`}
      sql={[DEVICE_MIX_SQL]}
      error={live.error}
      testId="chart-device-mix"
      aside={leader ? <p className="max-w-44 text-right text-xs text-muted"><strong className="text-kf">{percent(leader.topSpenders)}</strong> of top spenders&apos; requests: {leader.device} (vs {percent(leader.everyone)} overall)</p> : null}
    >
      <BarChart responsive layout="vertical" data={data} style={{ width: "100%", height: "var(--chart-h)" }} margin={{ top: 4, right: 16, bottom: 0, left: 8 }} barGap={2}>
        <CartesianGrid horizontal={false} stroke="var(--line)" />
        <XAxis type="number" tick={axisTick} stroke="var(--line-strong)" tickFormatter={percent} domain={[0, 100]} />
        <YAxis type="category" dataKey="device" tick={{ ...axisTick, fill: "var(--fg)" }} width={140} stroke="var(--line-strong)" interval={0} />
        <Tooltip contentStyle={tooltipStyle} cursor={{ fill: "var(--surface-2)" }} formatter={(v) => `${Number(v).toFixed(1)}%`} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="topSpenders" name={`Top ${TOP_SPENDERS_FOR_DEVICES} spenders`} fill={KAFKA_COLOR} radius={[0, 4, 4, 0]} isAnimationActive={false} />
        <Bar dataKey="everyone" name="All customers" fill="var(--faint)" radius={[0, 4, 4, 0]} isAnimationActive={false} />
      </BarChart>
    </ChartCard>
  );
}
