"use client";

import { useMemo, useRef, useState } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { Cell, QueryResult } from "@/lib/api/query";
import { formatCell, isNumericColumn } from "@/lib/client/format";
import { sortRows, type SortOrder } from "./sort-rows";

interface ResultTableProps {
  result: QueryResult;
  label: string;
  maxHeight: number;
  /** When set, cells for which it returns true become buttons (e.g. a customer id fills a query). */
  isCellActionable?: (columnName: string, value: Cell) => boolean;
  onCellAction?: (columnName: string, value: Cell) => void;
}

const ROW_HEIGHT = 34;

/** Sortable result grid; only the visible rows are in the DOM, so 10,000 rows scroll smoothly. */
export function ResultTable({ result, label, maxHeight, isCellActionable, onCellAction }: ResultTableProps) {
  const [order, setOrder] = useState<SortOrder | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => sortRows(result.rows, order), [result.rows, order]);
  const numeric = useMemo(() => result.columns.map((c, i) => isNumericColumn(c, result.rows, i)), [result]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;

  const toggleSort = (column: number) =>
    setOrder((current) =>
      current?.column !== column
        ? { column, direction: numeric[column] ? "desc" : "asc" }
        : current.direction === "desc"
          ? { column, direction: "asc" }
          : { column, direction: "desc" },
    );

  if (result.columns.length === 0) return <p className="px-3 py-4 text-sm text-muted">The statement returned no columns.</p>;

  return (
    <div
      ref={scrollRef}
      className="overflow-auto rounded-lg border border-line bg-surface"
      style={{ maxHeight }}
      data-testid="result-table"
    >
      <table className="w-full border-collapse text-sm tabular" aria-label={label} aria-rowcount={rows.length + 1}>
        <thead className="sticky top-0 z-10 bg-surface-2 text-left text-xs font-semibold tracking-wide text-muted uppercase">
          <tr>
            {result.columns.map((column, index) => {
              const sorted = order?.column === index ? order.direction : undefined;
              return (
                <th
                  key={`${column.name}-${index}`}
                  scope="col"
                  aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
                  className={`border-b border-line px-0 py-0 ${numeric[index] ? "text-right" : ""}`}
                >
                  <button
                    type="button"
                    onClick={() => toggleSort(index)}
                    className={`flex w-full items-center gap-1 px-3 py-2 whitespace-nowrap hover:text-fg [html.presenter_&]:py-1 ${numeric[index] ? "justify-end" : ""}`}
                    aria-label={`Sort by ${column.name}`}
                    title={`${column.name} · ${column.type}`}
                  >
                    <span className="normal-case">{column.name}</span>
                    <span aria-hidden="true" className="w-3 text-3xs">
                      {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : ""}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 && <tr aria-hidden="true" style={{ height: paddingTop }} />}
          {items.map((item) => {
            const row = rows[item.index] ?? [];
            return (
              <tr
                key={item.key}
                className="border-b border-line/70 last:border-0 odd:bg-surface even:bg-surface-2/40 hover:bg-surface-2"
                style={{ height: ROW_HEIGHT }}
              >
                {result.columns.map((column, index) => {
                  const value = row[index] ?? null;
                  const actionable = onCellAction && isCellActionable?.(column.name, value);
                  return (
                    <td
                      key={index}
                      className={`max-w-[17rem] truncate px-3 2xl:max-w-[32rem] py-1.5 whitespace-nowrap [html.presenter_&]:py-1 ${numeric[index] ? "text-right font-mono" : ""} ${value === null ? "text-faint italic" : ""}`}
                      title={typeof value === "string" && value.length > 40 ? value : undefined}
                    >
                      {actionable ? (
                        <button
                          type="button"
                          className="font-medium text-kf underline decoration-dotted underline-offset-4 hover:decoration-solid"
                          onClick={() => onCellAction(column.name, value)}
                          aria-label={`Look at the devices of ${formatCell(value)}`}
                        >
                          {formatCell(value, numeric[index])}
                        </button>
                      ) : (
                        formatCell(value, numeric[index])
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          {paddingBottom > 0 && <tr aria-hidden="true" style={{ height: paddingBottom }} />}
        </tbody>
      </table>
    </div>
  );
}
