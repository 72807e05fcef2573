import mysql, { type ConnectionOptions, type RowDataPacket } from "mysql2/promise";
import type { EngineClient } from "../../server/query/engine-client";

/** The seed's three queries, as the story runs them (steps 3 and 4), unchanged. */
export const SEED_TOP3 = "SELECT customerid, sum(amount) AS total FROM purchases GROUP BY customerid ORDER BY total DESC LIMIT 3;";
export const SEED_SHOW_TABLES = "SHOW TABLES;";
export const SEED_DEVICES = "SELECT useragent, count(useragent) FROM requestlog WHERE customerid='CU-1277' GROUP BY useragent;";
export const TOP_CUSTOMER = "CU-1277";

/** Why the story does not answer (yet) on Kafka, or undefined when all three queries answer as the seed says. */
export async function kafkaStoryProblem(engine: EngineClient): Promise<string | undefined> {
  try {
    const top3 = await engine.query(SEED_TOP3);
    const first = top3.rows[0]?.[0];
    if (first !== TOP_CUSTOMER) return `Kafka top-3 starts with ${String(first)} (rows ${JSON.stringify(top3.rows)}), not ${TOP_CUSTOMER}`;
    if (top3.rows.some((row) => typeof row[1] !== "number" || !Number.isFinite(row[1])))
      return `Kafka top-3 totals are not finite numbers: ${JSON.stringify(top3.rows)}`;
    const tables = (await engine.query(SEED_SHOW_TABLES)).rows.map((row) => String(row[0]));
    for (const table of ["purchases", "requestlog"])
      if (!tables.includes(table)) return `Kafka SHOW TABLES lacks ${table}: ${tables.join(", ")}`;
    const devices = await engine.query(SEED_DEVICES);
    if (devices.rows.length === 0) return `Kafka device query for ${TOP_CUSTOMER} returned no rows`;
    return undefined;
  } catch (error) {
    return `Kafka query failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Why the warehouse side of the story does not answer, or undefined when its top-3 starts with CU-1277. */
export async function warehouseStoryProblem(admin: ConnectionOptions, database: string): Promise<string | undefined> {
  try {
    const connection = await mysql.createConnection({ ...admin, database });
    try {
      const [rows] = await connection.query<RowDataPacket[]>(SEED_TOP3);
      const first = rows[0] ? String(Object.values(rows[0])[0]) : undefined;
      return first === TOP_CUSTOMER ? undefined : `warehouse top-3 starts with ${first ?? "nothing"}, not ${TOP_CUSTOMER}`;
    } finally {
      await connection.end().catch(() => undefined);
    }
  } catch (error) {
    return `warehouse query failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Waits until both sides answer the story; returns the time it took, or throws naming the last problem. */
export async function waitForStory(engine: EngineClient, admin: ConnectionOptions, database: string, timeoutMs: number): Promise<number> {
  const startedAt = Date.now();
  let problem: string | undefined = "not asked yet";
  while (Date.now() - startedAt < timeoutMs) {
    problem = (await kafkaStoryProblem(engine)) ?? (await warehouseStoryProblem(admin, database));
    if (problem === undefined) return Date.now() - startedAt;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the story did not answer within ${timeoutMs / 1000} s: ${problem}`);
}
