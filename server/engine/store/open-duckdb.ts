import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { MYSQL_MACROS } from "../sql/mysql-functions";
import { INGEST_SCHEMA } from "./ingest-schema";
import { CREATE_OFFSET_BOUNDS_TABLE } from "./offset-bounds";

export { INGEST_SCHEMA };

export interface DuckDbLimits {
  memoryLimit: string;
  threads: number;
}

/**
 * Opens the engine's in-memory DuckDB with the sandbox settings applied BEFORE any user SQL can
 * run: no file or network access, no extension install/autoload, no spilling to a temp dir, then
 * `lock_configuration` so no statement can change them back. The MySQL functions (macros in the
 * default schema, see sql/mysql-functions.ts) are created here too: user SQL cannot create any.
 */
export async function openDuckDb(limits: DuckDbLimits): Promise<{ instance: DuckDBInstance; admin: DuckDBConnection }> {
  const instance = await DuckDBInstance.create(":memory:", {
    threads: String(limits.threads),
    memory_limit: limits.memoryLimit,
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false",
    allow_community_extensions: "false",
    allow_unsigned_extensions: "false",
  });
  const admin = await instance.connect();
  await admin.run(`CREATE SCHEMA ${INGEST_SCHEMA}`);
  await admin.run(CREATE_OFFSET_BOUNDS_TABLE);
  for (const macro of MYSQL_MACROS) await admin.run(macro);
  // MySQL sorts NULL as the smallest value: first in ascending order, last in descending order.
  await admin.run("SET GLOBAL default_null_order = 'nulls_first_on_asc_last_on_desc'");
  // `ORDER BY NULL` is MySQL's way to skip a GROUP BY's sort; DuckDB refuses it unless told.
  await admin.run("SET GLOBAL order_by_non_integer_literal = true");
  // Queries never write temp files: a query that needs more than memory_limit fails instead.
  await admin.run("SET temp_directory = ''");
  await admin.run("SET enable_external_access = false");
  await admin.run("SET lock_configuration = true");
  return { instance, admin };
}
