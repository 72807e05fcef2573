"use client";

import { useEffect, useState } from "react";
import { queryRows } from "@/lib/client/api-client";
import { formatNumber } from "@/lib/client/format";
import { runKey, runPane } from "@/lib/client/pane-state";
import { normalizeSql, useResults, type RunState } from "@/lib/client/results-store";
import type { PaneId } from "@/lib/client/workspace-store";
import type { PaneDefault } from "@/lib/story/steps";
import { customerFiguresSql, customerGaps, figuresByCustomer, totalsByCustomer, type CustomerGap } from "@/lib/story/top-spenders-gap";

type Figures = ReturnType<typeof figuresByCustomer>;

const money = (value: number) => formatNumber(Math.round(value * 100) / 100);

/** The two panes' last runs when they are the same top-spenders query, one on each side. */
function comparableRuns(left: RunState | undefined, right: RunState | undefined) {
  if (left?.status !== "done" || right?.status !== "done" || !left.result || !right.result) return null;
  if (normalizeSql(left.sql) !== normalizeSql(right.sql) || left.database === right.database) return null;
  const [warehouse, kafka] = left.database === "warehouse" ? [left, right] : [right, left];
  const warehouseTop = totalsByCustomer(warehouse.result!);
  const kafkaTop = totalsByCustomer(kafka.result!);
  if (!warehouseTop || !kafkaTop || kafkaTop.size === 0) return null;
  return { warehouseTop, kafkaTop, key: `${warehouse.startedAt}:${kafka.startedAt}` };
}

/**
 * Step 4's point on one strip: the warehouse's top 3 and Kafka's top 3 ran side by side above it,
 * and here, per Kafka top customer, how far Kafka is ahead (money and purchases). It runs the pair
 * once when the step opens with nothing run yet, so a presenter with a clicker never sees it empty.
 */
export function TopSpendersComparison({ workspace, panes }: { workspace: string; panes: Partial<Record<PaneId, PaneDefault>> }) {
  const left = useResults((s) => s.runs[runKey(workspace, "left")]);
  const right = useResults((s) => s.runs[runKey(workspace, "right")]);
  const runs = comparableRuns(left, right);
  const [figures, setFigures] = useState<{ key: string; warehouse: Figures; kafka: Figures } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const results = useResults.getState().runs;
    if (results[runKey(workspace, "left")] || results[runKey(workspace, "right")]) return;
    for (const id of ["left", "right"] as const) if (panes[id]) void runPane(workspace, id, panes[id]);
  }, [workspace, panes]);

  const ids = runs ? [...runs.kafkaTop.keys()] : [];
  const key = runs?.key ?? null;
  const idList = ids.join(",");
  useEffect(() => {
    if (key === null) return;
    let cancelled = false;
    const sql = customerFiguresSql(idList.split(","));
    Promise.all([queryRows("warehouse", sql), queryRows("kafka", sql)]).then(
      ([warehouse, kafka]) => {
        if (cancelled) return;
        setError(null);
        setFigures({ key, warehouse: figuresByCustomer(warehouse), kafka: figuresByCustomer(kafka) });
      },
      (cause: unknown) => !cancelled && setError(cause instanceof Error ? cause.message : String(cause)),
    );
    return () => {
      cancelled = true;
    };
  }, [key, idList]);

  if (!runs) {
    return (
      <p className="rounded-xl border border-dashed border-line-strong px-4 py-2 text-sm text-muted" data-testid="top3-comparison-hint">
        Run <strong className="text-fg">Top 3 on both</strong> to see, per customer, how far Kafka is ahead of the warehouse: same SQL,
        fresher totals.
      </p>
    );
  }
  const loaded = figures?.key === runs.key;
  const gaps = customerGaps(
    runs.kafkaTop,
    runs.warehouseTop,
    loaded ? figures.kafka : new Map(),
    loaded ? figures.warehouse : new Map(),
    loaded,
  );
  // One line under the two results, so it fits a 720-pixel projector with both top-3 above it.
  return (
    <section
      aria-label="Kafka ahead of the warehouse, per customer"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-xl border border-kf/40 bg-surface px-4 py-1.5 text-sm tabular"
      data-testid="top3-comparison"
    >
      <h2 className="font-semibold">
        {/* On a projector the presenter says it: the strip stays one line at 1280x720 with three customers behind. */}
        <span className="[html.presenter_&]:hidden">Same SQL, fresher totals: </span>
        <span className="text-kf">Kafka is ahead by</span>
      </h2>
      <ul className="contents">
        {gaps.map((gap) => (
          <GapChip key={gap.customer} gap={gap} />
        ))}
      </ul>
      {error && (
        <p role="alert" className="text-bad">
          Purchase counts unavailable: {error}
        </p>
      )}
    </section>
  );
}

function describe(gap: CustomerGap): string {
  const side = (name: string, total: number | null, count: number | null) =>
    `${name} ${total === null ? "…" : money(total)}${count === null ? "" : ` in ${formatNumber(count)} purchases`}`;
  return `${gap.customer}: ${side("warehouse", gap.warehouseTotal, gap.warehousePurchases)}, ${side("Kafka", gap.kafkaTotal, gap.kafkaPurchases)}`;
}

/** One customer: the money and the purchases Kafka has that the warehouse has not loaded yet. */
function GapChip({ gap }: { gap: CustomerGap }) {
  const amount = gap.warehouseTotal === null ? null : gap.kafkaTotal - gap.warehouseTotal;
  const count = gap.kafkaPurchases === null || gap.warehousePurchases === null ? null : gap.kafkaPurchases - gap.warehousePurchases;
  const caughtUp = amount !== null && Math.abs(amount) < 0.005 && count === 0;
  return (
    <li
      className="inline-flex items-baseline gap-1.5 rounded-lg bg-kf-soft px-2 py-0.5"
      title={describe(gap)}
      data-testid="top3-comparison-row"
      data-customer={gap.customer}
    >
      <span className="font-mono font-medium">{gap.customer}</span>
      <span className="font-mono font-semibold text-kf" data-testid="top3-comparison-delta">
        {amount === null
          ? "…"
          : caughtUp
            ? "caught up"
            : `+${money(amount)}${count === null ? "" : ` · +${formatNumber(count)} ${count === 1 ? "purchase" : "purchases"}`}`}
      </span>
    </li>
  );
}
