import mysql from "mysql2/promise";
import type { FomoConfig } from "../config";
import { warehouseConnectionOptions } from "../warehouse/connection-options";
import { hostedStoreConnection } from "./hosted-store-connection";

/**
 * Whether this web instance can serve visitors: the Kafka SQL engine answers its health check and
 * the warehouse accepts the analysts' account (and, hosted, the invitation store's). Each probe has
 * a short deadline so a load balancer's check never hangs. Results are cached for a second: a
 * balancer polling every instance often must not become load of its own.
 */

const PROBE_TIMEOUT_MS = 2_000;
let last: { at: number; ok: boolean } | undefined;

async function engineAnswers(config: FomoConfig): Promise<boolean> {
  const response = await fetch(`${config.engine.url}/v1/health`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
  await response.arrayBuffer();
  return response.ok;
}

async function mysqlAnswers(options: mysql.ConnectionOptions): Promise<boolean> {
  const connection = await mysql.createConnection({ ...options, connectTimeout: PROBE_TIMEOUT_MS });
  try {
    await connection.query({ sql: "SELECT 1", timeout: PROBE_TIMEOUT_MS });
    return true;
  } finally {
    await connection.end().catch(() => undefined);
  }
}

export async function webReadiness(config: FomoConfig): Promise<boolean> {
  if (last && Date.now() - last.at < 1_000) return last.ok;
  const probes = [engineAnswers(config), mysqlAnswers(warehouseConnectionOptions(config, "reader"))];
  if (config.hosted.enabled) probes.push(mysqlAnswers(hostedStoreConnection(config)));
  const results = await Promise.allSettled(probes);
  const ok = results.every((result) => result.status === "fulfilled" && result.value);
  if (!ok) {
    const reasons = results.map((result) =>
      result.status === "rejected" ? String((result.reason as Error)?.message ?? result.reason) : result.value ? "ok" : "not ok",
    );
    console.error(`[health] not ready: engine ${reasons[0]}, warehouse ${reasons[1]}${reasons[2] ? `, hosted store ${reasons[2]}` : ""}`);
  }
  last = { at: Date.now(), ok };
  return ok;
}
