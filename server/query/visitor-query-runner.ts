import type { QueryRequest, QueryResult } from "../../lib/api/query";
import type { VisitorLimits } from "../config";
import { FairQueue, type FairQueueStats } from "./fair-queue";
import type { QueryBackends } from "./query-backends";
import { QueriesPerMinute } from "./queries-per-minute";
import { runQuery } from "./run-query";

/**
 * Who asks, as far as fairness and the pipeline stop go: the visitor's id ("local" on a
 * presenter's laptop) and, when they stopped the pipeline, the warehouse moment they froze at.
 */
export interface QueryVisitor {
  id: string;
  warehouseAsOfUnixSeconds?: string;
}

export interface VisitorQueryRunnerOptions {
  backends: QueryBackends;
  limits: VisitorLimits;
  /** Queries at once on the engine from this web server (ENGINE_MAX_CONCURRENT_QUERIES: it never queues behind us). */
  engineConcurrency: number;
  /** Queries at once on the warehouse (the read-only pool's size). */
  warehouseConcurrency: number;
}

export interface VisitorQueryRunner {
  /** Aborting `signal` takes the query out of its queue, or stops it on its backend, with `cancelled:query`. */
  run(request: QueryRequest, visitor: QueryVisitor, options?: { signal?: AbortSignal }): Promise<QueryResult>;
  stats(): { engine: FairQueueStats; warehouse: FairQueueStats };
}

/**
 * The analyst's query path with fairness: the visitor's per-minute allowance first (refused at
 * once, 429), then a fair queue per database, so one visitor's pile of heavy queries takes turns
 * with everyone else's instead of going first.
 */
export function createVisitorQueryRunner(options: VisitorQueryRunnerOptions): VisitorQueryRunner {
  const { limits } = options;
  const perMinute = new QueriesPerMinute(limits.queriesPerMinute);
  const queue = (label: string, concurrency: number) =>
    new FairQueue({ label, concurrency, perKeyRunning: limits.queriesAtOnce, perKeyWaiting: limits.queriesWaiting });
  const queues = {
    kafka: queue("the Kafka engine", options.engineConcurrency),
    warehouse: queue("the warehouse", options.warehouseConcurrency),
  };

  return {
    async run(request, visitor, { signal } = {}) {
      perMinute.take(visitor.id);
      const asOf = request.database === "warehouse" ? visitor.warehouseAsOfUnixSeconds : undefined;
      return queues[request.database].run(
        visitor.id,
        () => runQuery(request, options.backends, asOf === undefined ? { signal } : { signal, asOfUnixSeconds: asOf }),
        signal,
      );
    },
    stats: () => ({ engine: queues.kafka.stats(), warehouse: queues.warehouse.stats() }),
  };
}
