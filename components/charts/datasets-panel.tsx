"use client";

import type { Catalog } from "@/lib/api/catalog";
import { formatNumber } from "@/lib/client/format";
import { useLiveFigure } from "@/lib/client/use-live-figure";
import { ChartCard } from "./chart-card";

function tablesOf(catalog: Catalog | null) {
  return catalog?.schemas.flatMap((s) => s.tables) ?? [];
}

function Column({ name, tone, catalog, unit }: { name: string; tone: "wh" | "kf"; catalog: Catalog | null; unit: string }) {
  const tables = tablesOf(catalog);
  return (
    <div className="min-w-0">
      <p className={`text-xs font-semibold tracking-wide uppercase ${tone === "kf" ? "text-kf" : "text-wh"}`}>{name}</p>
      <p className="mt-0.5 text-3xl font-semibold tabular" data-testid={`datasets-count-${tone === "kf" ? "kafka" : "warehouse"}`}>
        {catalog ? tables.length : "…"}
      </p>
      <p className="text-xs text-muted">{tables.length === 1 ? "dataset" : "datasets"}</p>
      <ul className="mt-2 space-y-1">
        {tables.map((table) => (
          <li
            key={table.name}
            className={`flex items-center justify-between gap-2 rounded-md px-2 py-1 text-sm ${tone === "kf" ? "bg-kf-soft" : "bg-wh-soft"}`}
          >
            <span className="truncate font-mono">{table.name}</span>
            {table.rowCount != null && (
              <span className="text-xs text-muted tabular">
                {formatNumber(table.rowCount)} {unit}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Which datasets each side can see: the warehouse's tables vs every Kafka topic. */
export function DatasetsPanel() {
  const live = useLiveFigure("datasets");
  return (
    <ChartCard
      title="Datasets visible"
      subtitle="Tables the analyst can query on each side."
      error={live.error ?? live.value?.errors[0]}
      testId="chart-datasets"
    >
      <div className="grid grid-cols-2 gap-4">
        <Column name="Warehouse" tone="wh" catalog={live.value?.warehouse ?? null} unit="rows" />
        <Column name="Kafka" tone="kf" catalog={live.value?.kafka ?? null} unit="msgs" />
      </div>
    </ChartCard>
  );
}
