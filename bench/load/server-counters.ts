import mysql, { type ConnectionOptions } from "mysql2/promise";
import { z } from "zod";

const engineCountersSchema = z.object({ queriesReceived: z.number(), catalogRequests: z.number() });

export interface ServerCounters {
  at: number;
  engineQueries: number;
  engineCatalogs: number;
  /** MariaDB's `Com_select`: every SELECT the server ran, whoever sent it. */
  warehouseSelects: number;
}

/** The engine's own counters (`GET /v1/health`) and the warehouse server's `Com_select`, read now. */
export async function readServerCounters(engineUrl: string, warehouseAdmin: ConnectionOptions): Promise<ServerCounters> {
  const health = engineCountersSchema.parse(await (await fetch(`${engineUrl}/v1/health`, { signal: AbortSignal.timeout(10_000) })).json());
  const connection = await mysql.createConnection(warehouseAdmin);
  try {
    const [rows] = (await connection.query("SHOW GLOBAL STATUS LIKE 'Com_select'")) as unknown as [{ Value: string }[]];
    return {
      at: performance.now(),
      engineQueries: health.queriesReceived,
      engineCatalogs: health.catalogRequests,
      warehouseSelects: Number(rows[0]?.Value ?? NaN),
    };
  } finally {
    await connection.end();
  }
}

export interface ServerRates {
  engineQueriesPerS: number;
  engineCatalogsPerS: number;
  warehouseSelectsPerS: number;
}

export function ratesBetween(before: ServerCounters, after: ServerCounters): ServerRates {
  const seconds = (after.at - before.at) / 1000;
  const rate = (a: number, b: number) => Math.round(((a - b) / seconds) * 100) / 100;
  return {
    engineQueriesPerS: rate(after.engineQueries, before.engineQueries),
    engineCatalogsPerS: rate(after.engineCatalogs, before.engineCatalogs),
    warehouseSelectsPerS: rate(after.warehouseSelects, before.warehouseSelects),
  };
}
