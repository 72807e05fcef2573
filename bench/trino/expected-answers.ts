import type { QueryResult } from "../../lib/api/query";
import type { ProducedPurchases } from "./avro-purchases";

function result(columns: string[], rows: QueryResult["rows"]): QueryResult {
  return {
    columns: columns.map((name) => ({ name, type: "expected" })),
    rows,
    rowCount: rows.length,
    truncated: false,
    elapsedMs: 0,
    snapshot: null,
  };
}

/** "1234.56" from 123456 cents. */
export function centsText(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const magnitude = Math.abs(cents);
  return `${sign}${Math.floor(magnitude / 100)}.${String(magnitude % 100).padStart(2, "0")}`;
}

/**
 * What the check's queries must answer on a topic this run produced, computed from the produced
 * values themselves (in whole cents, so exact), keyed by the query names of CHECK_QUERIES.
 */
export function expectedAnswers(produced: ProducedPurchases): Map<string, QueryResult> {
  const ranked = [...produced.centsByCustomer.entries()].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  return new Map([
    ["count", result(["messages"], [[produced.messages]])],
    [
      "top-3 (the seed's query)",
      result(
        ["customerid", "total"],
        ranked.slice(0, 3).map(([customer, cents]) => [customer, centsText(cents)]),
      ),
    ],
  ]);
}
