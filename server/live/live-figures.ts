import type { Catalog } from "../../lib/api/catalog";
import type { LiveFigureName, LiveFigureValue } from "../../lib/api/live";
import type { QueryResult } from "../../lib/api/query";
import { toNumber } from "../../lib/client/format";
import { toFomoError } from "../../lib/errors";
import { deviceName } from "../../lib/story/devices";
import { COUNT_SQL, DEVICE_MIX_SQL, KAFKA_TOP_CUSTOMERS_SQL, warehouseTotalsSql } from "../../lib/story/difference-sql";
import { isCustomerId } from "../../lib/story/story-sql";
import type { WarehouseView } from "./frozen-warehouse-cache";
import type { LiveSources } from "./live-sources";

/** A view of the figures: null is the live warehouse, an ISO time a warehouse frozen then. */
export type LiveView = string | null;

export interface FigureOutcome<F extends LiveFigureName> {
  value: LiveFigureValue<F> | null;
  error: string | null;
}

export interface FigureContext {
  sources: LiveSources;
  warehouse(view: LiveView): WarehouseView;
}

/**
 * One figure: computed once per tick for every distinct view at once, so that the Kafka side
 * (the same for everyone) runs once and only the warehouse side runs per view.
 */
export type FigureCompute<F extends LiveFigureName> = (
  views: LiveView[],
  context: FigureContext,
) => Promise<Map<LiveView, FigureOutcome<F>>>;

const messageOf = (error: unknown): string => toFomoError(error).message;

async function settle<T>(work: () => Promise<T>): Promise<{ value: T | null; error: string | null }> {
  try {
    return { value: await work(), error: null };
  } catch (error) {
    return { value: null, error: messageOf(error) };
  }
}

/** Every view gets the same outcome (figures that read Kafka only). */
const sameForAll = <F extends LiveFigureName>(views: LiveView[], outcome: FigureOutcome<F>) =>
  new Map(views.map((view) => [view, outcome]));

const status: FigureCompute<"status"> = async (views, { sources }) => sameForAll(views, await settle(() => sources.status()));

const firstCell = (result: QueryResult) => toNumber(result.rows[0]?.[0] ?? null);

/** `count(*)` of purchases on both sides; one side failing leaves its number null. */
const counts: FigureCompute<"counts"> = async (views, { sources, warehouse }) => {
  const kafka = await settle(async () => firstCell(await sources.kafkaQuery(COUNT_SQL)));
  const outcomes = new Map<LiveView, FigureOutcome<"counts">>();
  for (const view of views) {
    const rows = await settle(async () => firstCell(await warehouse(view).query(COUNT_SQL)));
    const bothFailed = kafka.error !== null && rows.error !== null;
    outcomes.set(view, { value: { warehouse: rows.value, kafka: kafka.value }, error: bothFailed ? rows.error : null });
  }
  return outcomes;
};

/** The top customers by Kafka's totals, with what the warehouse (of each view) knows of them. */
const topCustomers: FigureCompute<"topCustomers"> = async (views, { sources, warehouse }) => {
  const top = await settle(async () =>
    (await sources.kafkaQuery(KAFKA_TOP_CUSTOMERS_SQL)).rows
      .map((row) => ({ customer: String(row[0]), kafka: toNumber(row[1] ?? null) ?? 0 }))
      .filter((row) => isCustomerId(row.customer)),
  );
  if (top.value === null) return sameForAll(views, { value: null, error: top.error });
  const customers = top.value;
  const sql = warehouseTotalsSql(customers.map((row) => row.customer));
  const outcomes = new Map<LiveView, FigureOutcome<"topCustomers">>();
  for (const view of views) {
    outcomes.set(
      view,
      await settle(async () => {
        const byCustomer = new Map((await warehouse(view).query(sql)).rows.map((row) => [String(row[0]), toNumber(row[1] ?? null) ?? 0]));
        return customers.map((row) => ({ ...row, warehouse: byCustomer.get(row.customer) ?? 0 }));
      }),
    );
  }
  return outcomes;
};

/** Which datasets each side can see (the warehouse's tables of each view, every Kafka topic). */
const datasets: FigureCompute<"datasets"> = async (views, { sources, warehouse }) => {
  const kafka = await settle(() => sources.kafkaCatalog());
  const outcomes = new Map<LiveView, FigureOutcome<"datasets">>();
  for (const view of views) {
    const tables: { value: Catalog | null; error: string | null } = await settle(() => warehouse(view).catalog());
    const errors = [tables.error, kafka.error].filter((error): error is string => error !== null);
    outcomes.set(view, { value: { warehouse: tables.value, kafka: kafka.value, errors }, error: null });
  }
  return outcomes;
};

/** Device shares of the top spenders vs everyone (requestlog exists on Kafka only). */
const deviceMix: FigureCompute<"deviceMix"> = async (views, { sources }) => {
  const outcome = await settle(async () => {
    const rows = (await sources.kafkaQuery(DEVICE_MIX_SQL)).rows.map((row) => ({
      agent: String(row[0]),
      top: toNumber(row[1] ?? null) ?? 0,
      all: toNumber(row[2] ?? null) ?? 0,
    }));
    const topTotal = rows.reduce((sum, row) => sum + row.top, 0) || 1;
    const allTotal = rows.reduce((sum, row) => sum + row.all, 0) || 1;
    return rows
      .map((row) => ({ device: deviceName(row.agent), topSpenders: (100 * row.top) / topTotal, everyone: (100 * row.all) / allTotal }))
      .sort((a, b) => b.topSpenders - a.topSpenders);
  });
  return sameForAll(views, outcome);
};

export const LIVE_FIGURES: { [F in LiveFigureName]: FigureCompute<F> } = { status, counts, topCustomers, datasets, deviceMix };
