import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import mysql, { type Connection } from "mysql2/promise";
import type { ConnectionOptions } from "mysql2";
import { purchaseAt, requestAt } from "../server/dataset/dataset";
import type { WarehouseConnectionOptions } from "../server/warehouse/read-only-pool";

/**
 * Loads the benchmark's rows into the warehouse: the same purchases (and requests) the bulk
 * producer puts into Kafka for the same seed, in a table shaped like the real warehouse's
 * `purchases` (seed columns, Kafka coordinates, load time, primary key, index on customerId).
 * Fast path: LOAD DATA LOCAL INFILE fed by a generated stream; else multi-row INSERTs.
 */

export const BENCH_DATABASE = "fomo_bench";

export interface BenchWarehouse {
  reader: WarehouseConnectionOptions;
  loadMs: number;
  method: "load_data" | "insert";
  drop(): Promise<void>;
}

const ROWS_PER_CHUNK = 10_000;

function rowStream(count: number, rowAt: (index: number) => string): Readable {
  let next = 0;
  return new Readable({
    read() {
      if (next >= count) {
        this.push(null);
        return;
      }
      const end = Math.min(count, next + ROWS_PER_CHUNK);
      let chunk = "";
      for (; next < end; next++) chunk += rowAt(next);
      this.push(chunk);
    },
  });
}

function purchaseLine(seed: number, index: number): string {
  const purchase = purchaseAt(seed, index);
  return `${purchase.customerId}\t${purchase.amount}\t${purchase.itemCode}\tbench\t0\t${index}\n`;
}

function requestLine(seed: number, index: number): string {
  const request = requestAt(seed, index);
  return `${request.customerId}\t${request.userAgent}\t${index}\n`;
}

async function loadRows(
  admin: Connection,
  table: string,
  columns: string,
  count: number,
  line: (index: number) => string,
): Promise<"load_data" | "insert"> {
  try {
    await admin.query({
      sql: `LOAD DATA LOCAL INFILE 'bench-rows' INTO TABLE \`${table}\` FIELDS TERMINATED BY '\\t' LINES TERMINATED BY '\\n' (${columns})`,
      infileStreamFactory: () => rowStream(count, line),
    });
    return "load_data";
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    if (!/LOCAL|INFILE|NOT_ALLOWED|1148|3948/i.test(`${code} ${(error as Error).message}`)) throw error;
  }
  for (let start = 0; start < count; start += ROWS_PER_CHUNK) {
    const rows: string[][] = [];
    for (let index = start; index < Math.min(count, start + ROWS_PER_CHUNK); index++) rows.push(line(index).slice(0, -1).split("\t"));
    await admin.query(`INSERT INTO \`${table}\` (${columns}) VALUES ?`, [rows]);
  }
  return "insert";
}

export async function loadBenchWarehouse(options: {
  admin: ConnectionOptions;
  host: string;
  port: number;
  tables: { purchases: string; requestlog: string };
  seed: number;
  purchases: number;
  requests: number;
  log: (line: string) => void;
}): Promise<BenchWarehouse> {
  const admin = await mysql.createConnection({ ...options.admin, database: undefined, multipleStatements: false });
  const readerUser = "fomo_bench_reader";
  const readerPassword = randomBytes(12).toString("hex");
  const { purchases, requestlog } = options.tables;
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE}`);
    await admin.query(`CREATE DATABASE ${BENCH_DATABASE}`);
    await admin.query(`USE ${BENCH_DATABASE}`);
    await admin.query(`DROP USER IF EXISTS '${readerUser}'@'%'`);
    await admin.query(`CREATE USER '${readerUser}'@'%' IDENTIFIED BY '${readerPassword}'`);
    await admin.query(`GRANT SELECT ON ${BENCH_DATABASE}.* TO '${readerUser}'@'%'`);
    // The real warehouse's columns and keys; the customer index is built after the load (faster, same result).
    await admin.query(`CREATE TABLE \`${purchases}\` (
      customerId VARCHAR(50) NOT NULL, amount DOUBLE(10,3) NOT NULL, itemCode VARCHAR(50) NOT NULL,
      kafka_topic VARCHAR(249) NOT NULL, kafka_partition INT NOT NULL, kafka_offset BIGINT NOT NULL,
      loaded_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (kafka_topic, kafka_partition, kafka_offset)) ENGINE=InnoDB`);
    await admin.query(`CREATE TABLE \`${requestlog}\` (
      customerId VARCHAR(50) NOT NULL, userAgent VARCHAR(255) NOT NULL, request_id BIGINT NOT NULL,
      PRIMARY KEY (request_id)) ENGINE=InnoDB`);

    const started = performance.now();
    options.log(`loading ${options.purchases.toLocaleString("en-US")} purchases into the warehouse`);
    const method = await loadRows(
      admin,
      purchases,
      "customerId, amount, itemCode, kafka_topic, kafka_partition, kafka_offset",
      options.purchases,
      (index) => purchaseLine(options.seed, index),
    );
    options.log(`loading ${options.requests.toLocaleString("en-US")} requests into the warehouse`);
    await loadRows(admin, requestlog, "customerId, userAgent, request_id", options.requests, (index) => requestLine(options.seed, index));
    options.log("building the customerId indexes");
    await admin.query(`ALTER TABLE \`${purchases}\` ADD KEY idx_purchases_customer (customerId)`);
    await admin.query(`ALTER TABLE \`${requestlog}\` ADD KEY idx_requestlog_customer (customerId)`);
    await admin.query(`ANALYZE TABLE \`${purchases}\`, \`${requestlog}\``);
    const loadMs = performance.now() - started;
    return {
      reader: { host: options.host, port: options.port, user: readerUser, password: readerPassword, database: BENCH_DATABASE },
      loadMs,
      method,
      async drop() {
        const cleanup = await mysql.createConnection({ ...options.admin, database: undefined });
        try {
          await cleanup.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE}`);
          await cleanup.query(`DROP USER IF EXISTS '${readerUser}'@'%'`);
        } finally {
          await cleanup.end();
        }
      },
    };
  } finally {
    await admin.end();
  }
}
