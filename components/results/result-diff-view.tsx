"use client";

import type { Database, QueryResult } from "@/lib/api/query";
import { formatNumber } from "@/lib/client/format";
import { diffResults } from "@/lib/results/result-diff";

const sideName: Record<Database, string> = { warehouse: "Warehouse", kafka: "Kafka" };

interface ResultDiffViewProps {
  left: { database: Database; result: QueryResult };
  right: { database: Database; result: QueryResult };
  /** The SQL both ran: its LIMIT tells rows cut off from rows really missing. */
  sql?: string;
}

/** Shown when both panes ran the same SQL: rows on one side only, and value deltas per key. */
export function ResultDiffView({ left, right, sql }: ResultDiffViewProps) {
  const diff = diffResults(left.result, right.result, sql);
  const leftName = sideName[left.database];
  const rightName = left.database === right.database ? `${sideName[right.database]} (right)` : sideName[right.database];
  if (!diff) {
    return (
      <section aria-label="Difference between the two results" className="rounded-xl border border-line bg-surface p-4 text-sm text-muted">
        Same SQL on both sides, but the columns differ, so the rows cannot be compared.
      </section>
    );
  }
  const identical = diff.onlyLeft === 0 && diff.onlyRight === 0 && diff.changed === 0 && diff.beyondCut === 0;
  return (
    <section
      aria-label="Difference between the two results"
      className="rounded-xl border border-line bg-surface p-4"
      data-testid="result-diff"
    >
      <header className="mb-3 flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h2 className="text-sm font-semibold">Same SQL, two answers</h2>
        <p className="text-sm text-muted tabular">
          {identical ? (
            "Both sides agree exactly."
          ) : (
            <>
              {diff.changed > 0 && (
                <span className="mr-3">
                  <strong className="text-fg">{diff.changed}</strong> with different values
                </span>
              )}
              {diff.onlyRight > 0 && (
                <span className="mr-3">
                  <strong className="text-kf">{diff.onlyRight}</strong> only in {rightName}
                </span>
              )}
              {diff.onlyLeft > 0 && (
                <span className="mr-3">
                  <strong className="text-wh">{diff.onlyLeft}</strong> only in {leftName}
                </span>
              )}
              {diff.same > 0 && <span className="mr-3">{diff.same} identical</span>}
              {diff.beyondCut > 0 && <span>{diff.beyondCut} past the LIMIT on the other side</span>}
            </>
          )}
        </p>
      </header>
      <div className="max-h-64 overflow-auto" tabIndex={0} role="region" aria-label="Rows that differ">
        <table className="w-full text-sm tabular" aria-label="Row by row difference">
          <thead className="text-left text-xs tracking-wide text-muted uppercase">
            <tr>
              <th scope="col" className="py-1 pr-3 normal-case">
                {diff.keyColumn}
              </th>
              {diff.valueColumns.map((column) => (
                <th key={column} scope="colgroup" colSpan={3} className="py-1 pr-3 text-right normal-case">
                  {column}: {leftName} → {rightName}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {diff.rows.map((row) => (
              <tr key={row.key} className="border-t border-line">
                <td className="py-1.5 pr-3 font-medium">
                  {row.key}
                  {row.presence !== "both" && (
                    <span
                      className={`ml-2 rounded px-1.5 py-0.5 text-2xs font-semibold ${row.presence === "right" ? "bg-kf-soft text-kf" : "bg-wh-soft text-wh"}`}
                    >
                      {row.beyondCut ? "past the other side's LIMIT" : `only in ${row.presence === "right" ? rightName : leftName}`}
                    </span>
                  )}
                </td>
                {row.values.map((v) => (
                  <ValueCells key={v.column} left={v.left} right={v.right} delta={v.delta} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ValueCells({ left, right, delta }: { left: number | null; right: number | null; delta: number | null }) {
  const dash = <span className="text-faint">—</span>;
  return (
    <>
      <td className="py-1.5 pr-2 text-right font-mono text-wh">{left === null ? dash : formatNumber(left)}</td>
      <td className="py-1.5 pr-2 text-right font-mono text-kf">{right === null ? dash : formatNumber(right)}</td>
      <td
        className={`py-1.5 pr-3 text-right font-mono font-semibold ${delta && delta > 0 ? "text-ok" : delta && delta < 0 ? "text-bad" : "text-faint"}`}
      >
        {delta === null ? "" : `${delta > 0 ? "+" : ""}${formatNumber(Math.round(delta * 1000) / 1000)}`}
      </td>
    </>
  );
}
