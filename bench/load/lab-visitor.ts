import { COUNT_SQL, DEVICE_MIX_SQL } from "../../lib/story/difference-sql";
import { COUNT_PURCHASES_SQL, deviceMixSql, SHOW_TABLES_SQL, TOP_SPENDERS_SQL } from "../../lib/story/story-sql";
import type { LoadTally } from "./load-tally";

type Side = "warehouse" | "kafka";

/** The story's queries, each on the sides the story runs it on (requestlog on the warehouse fails: that is the point). */
export const LAB_QUERIES: { name: string; sql: string; sides: Side[] }[] = [
  { name: "top spenders", sql: TOP_SPENDERS_SQL, sides: ["warehouse", "kafka"] },
  { name: "show tables", sql: SHOW_TABLES_SQL, sides: ["warehouse", "kafka"] },
  { name: "count purchases", sql: COUNT_PURCHASES_SQL, sides: ["warehouse", "kafka"] },
  { name: "CU-1277 device mix", sql: deviceMixSql("CU-1277"), sides: ["kafka", "warehouse"] },
  { name: "count (difference)", sql: COUNT_SQL, sides: ["warehouse", "kafka"] },
  { name: "device mix (all)", sql: DEVICE_MIX_SQL, sides: ["kafka"] },
];

/**
 * One analyst in /lab: a query of the mix on one side, then 1–3 s of thinking, until `signal`
 * aborts. Latency counts from sending the request to the last byte of the answer.
 */
export async function runLabVisitor(options: {
  baseUrl: string;
  cookie: string;
  tally: () => LoadTally;
  signal: AbortSignal;
  random: () => number;
}): Promise<void> {
  const pick = <T>(items: T[]) => items[Math.floor(options.random() * items.length)] as T;
  while (!options.signal.aborted) {
    const query = pick(LAB_QUERIES);
    const database = pick(query.sides);
    const started = performance.now();
    try {
      const response = await fetch(`${options.baseUrl}/api/query`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: options.baseUrl, ...(options.cookie ? { cookie: options.cookie } : {}) },
        body: JSON.stringify({ database, sql: query.sql }),
        signal: options.signal,
      });
      const body = (await response.json()) as { error?: { code?: string }; elapsedMs?: number };
      const tally = options.tally();
      const tookMs = performance.now() - started;
      if (response.ok) {
        tally.latencyMs[database].push(tookMs);
        tally.queryTiming(`${database}: ${query.name}`, tookMs, body.elapsedMs);
      } else if (response.status === 429) tally.rateLimited += 1;
      else if (database === "warehouse" && query.sql.includes("requestlog") && response.status < 500) {
        tally.latencyMs[database].push(tookMs);
        tally.queryTiming(`${database}: ${query.name} (refused)`, tookMs, undefined);
        tally.expectedSqlErrors += 1;
      } else tally.error(`query ${database} ${response.status} ${body.error?.code ?? ""}`.trim());
    } catch (error) {
      if (!options.signal.aborted) options.tally().error(`query ${database} ${(error as Error).name}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000 + options.random() * 2_000));
  }
}
