import { loadConfig, type FomoConfig } from "../config";
import { sharedQueryBackends } from "./query-backends";
import { createVisitorQueryRunner, type VisitorQueryRunner } from "./visitor-query-runner";

/**
 * This web server's one fair query path: its limits and queues must be shared by every request,
 * and survive Next's dev reload (kept on globalThis like the warehouse pool).
 */
const RUNNER_KEY = Symbol.for("fomo.query.visitorRunner");

type GlobalWithRunner = typeof globalThis & { [RUNNER_KEY]?: VisitorQueryRunner };

export function sharedVisitorQueryRunner(config: FomoConfig = loadConfig()): VisitorQueryRunner {
  const holder = globalThis as GlobalWithRunner;
  holder[RUNNER_KEY] ??= createVisitorQueryRunner({
    backends: sharedQueryBackends(config),
    limits: config.fairness,
    engineConcurrency: config.engine.maxConcurrentQueries,
    warehouseConcurrency: config.warehouse.maxConcurrentQueries,
  });
  return holder[RUNNER_KEY];
}
