"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber } from "@/lib/client/format";
import { useLiveFigure } from "@/lib/client/use-live-figure";
import { KAFKA_TOP_CUSTOMERS_SQL, warehouseTotalsSql } from "@/lib/story/difference-sql";
import { ChartCard } from "./chart-card";
import { ChartLegend } from "./chart-legend";
import { KAFKA_COLOR, WAREHOUSE_COLOR } from "./chart-theme";
import { useChartText } from "./use-chart-text";

/** Per top customer (by Kafka's totals): what the warehouse knows vs what Kafka knows; pushed by the server every 5 s. */
export function TopCustomersChart() {
  const live = useLiveFigure("topCustomers");
  const data = live.value ?? [];
  const first = data[0];
  const text = useChartText();
  return (
    <ChartCard
      title="Top customers: warehouse vs Kafka"
      subtitle="Total spend per customer. Kafka is ahead by everything the pipeline has not loaded yet."
      sql={[KAFKA_TOP_CUSTOMERS_SQL, warehouseTotalsSql(data.map((d) => d.customer))]}
      error={live.error}
      testId="chart-top-customers"
      aside={first ? <UnseenNote customer={first.customer} gap={first.kafka - first.warehouse} /> : null}
    >
      <ChartLegend
        items={[
          { label: "Warehouse", color: WAREHOUSE_COLOR },
          { label: "Kafka", color: KAFKA_COLOR },
        ]}
      />
      <BarChart
        responsive
        data={data}
        style={{ width: "100%", height: "var(--chart-h)" }}
        margin={{ top: 8, right: 8, bottom: 0, left: 8 }}
        barGap={2}
      >
        <CartesianGrid vertical={false} stroke="var(--line)" />
        <XAxis dataKey="customer" tick={text.tick} stroke="var(--line-strong)" />
        <YAxis tick={text.tick} stroke="var(--line-strong)" tickFormatter={(v: number) => formatNumber(v)} width={text.width(64)} />
        <Tooltip
          contentStyle={text.tooltip}
          cursor={{ fill: "var(--surface-2)" }}
          formatter={(v) => formatNumber(Math.round(Number(v) * 100) / 100)}
        />
        <Bar dataKey="warehouse" name="Warehouse" fill={WAREHOUSE_COLOR} radius={[4, 4, 0, 0]} isAnimationActive={false} />
        <Bar dataKey="kafka" name="Kafka" fill={KAFKA_COLOR} radius={[4, 4, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ChartCard>
  );
}

function UnseenNote({ customer, gap }: { customer: string; gap: number }) {
  return (
    <p className="text-right text-xs text-muted tabular">
      {customer}:{" "}
      {gap > 0.005 ? (
        <>
          <strong className="text-kf">+{formatNumber(Math.round(gap * 100) / 100)}</strong> not in the warehouse yet
        </>
      ) : (
        "warehouse up to date"
      )}
    </p>
  );
}
