import type { QueryResult } from "@/lib/api/query";
import { isCustomerId } from "./story-sql";

/**
 * Step 4's comparison: the same top-3 query on both sides, and for each of Kafka's top customers
 * how far Kafka is ahead of the warehouse, in money and in purchases.
 */

export interface CustomerGap {
  customer: string;
  warehouseTotal: number | null;
  kafkaTotal: number;
  warehousePurchases: number | null;
  kafkaPurchases: number | null;
}

/** Purchases and totals for the given customers: what the comparison asks each side besides the panes' top-3. */
export function customerFiguresSql(customerIds: string[]): string {
  const ids = customerIds.filter(isCustomerId).map((id) => `'${id}'`);
  return `SELECT customerid, count(*) AS purchases, sum(amount) AS total FROM purchases WHERE customerid IN (${ids.join(", ") || "''"}) GROUP BY customerid`;
}

function numeric(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && value.trim() !== "") {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

/** `customerid → total` from a top-spenders result (columns customerid, total), or null when it is not that shape. */
export function totalsByCustomer(result: QueryResult): Map<string, number> | null {
  const names = result.columns.map((c) => c.name.toLowerCase());
  const idIndex = names.indexOf("customerid");
  const totalIndex = names.indexOf("total");
  if (idIndex < 0 || totalIndex < 0) return null;
  const totals = new Map<string, number>();
  for (const row of result.rows) {
    const id = row[idIndex];
    const total = numeric(row[totalIndex]);
    if (isCustomerId(id) && total !== null) totals.set(id, total);
  }
  return totals;
}

/** `customerid → { purchases, total }` from `customerFiguresSql`'s result. */
export function figuresByCustomer(result: QueryResult | undefined): Map<string, { purchases: number; total: number }> {
  const figures = new Map<string, { purchases: number; total: number }>();
  for (const row of result?.rows ?? []) {
    const purchases = numeric(row[1]);
    const total = numeric(row[2]);
    if (isCustomerId(row[0]) && purchases !== null && total !== null) figures.set(row[0], { purchases, total });
  }
  return figures;
}

/**
 * One row per Kafka top customer, in Kafka's order. Totals come from the panes where they show
 * them (so the strip repeats the numbers on screen); a warehouse total for a customer outside the
 * warehouse's own top 3, and the purchase counts, come from `customerFiguresSql`.
 */
export function customerGaps(
  kafkaTop: Map<string, number>,
  warehouseTop: Map<string, number>,
  kafkaFigures: Map<string, { purchases: number; total: number }>,
  warehouseFigures: Map<string, { purchases: number; total: number }>,
  figuresLoaded: boolean,
): CustomerGap[] {
  return [...kafkaTop].map(([customer, kafkaTotal]) => ({
    customer,
    kafkaTotal,
    // A customer the warehouse has no row for has spent 0 there, once the figures say so.
    warehouseTotal: warehouseTop.get(customer) ?? warehouseFigures.get(customer)?.total ?? (figuresLoaded ? 0 : null),
    kafkaPurchases: kafkaFigures.get(customer)?.purchases ?? null,
    warehousePurchases: warehouseFigures.get(customer)?.purchases ?? (figuresLoaded ? 0 : null),
  }));
}
