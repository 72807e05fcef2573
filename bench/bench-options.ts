import { parseArgs } from "node:util";
import { z } from "zod";

/** Command-line options of `npm run bench` (see bench/README.md). */
export const benchOptionsSchema = z.object({
  /** Purchases loaded into Kafka and into the warehouse. */
  messages: z.number().int().positive(),
  /** Requests loaded into Kafka and into the warehouse (default: a tenth of the purchases). */
  requests: z.number().int().nonnegative(),
  seed: z.number().int(),
  /** Timed runs per query and side (after two warm-up runs). */
  runs: z.number().int().positive(),
  /** Stop a side's timed runs for one query after this long (at least three runs are kept). */
  budgetMs: z.number().int().positive(),
  freshnessSamples: z.number().int().positive(),
  skipWarehouse: z.boolean(),
  /** Use these instead of starting a broker and a warehouse under .stack-bench. */
  brokers: z.array(z.string()).optional(),
  mysqlUrl: z.string().optional(),
  stackDir: z.string(),
  kafkaPort: z.number().int(),
  kafkaControllerPort: z.number().int(),
  warehousePort: z.number().int(),
  /**
   * InnoDB buffer pool of the benchmark's own warehouse server. The demo's server keeps MariaDB's
   * 128 MiB default (it holds 10,000 rows); at 10M rows that would measure the disk, not the
   * warehouse, so the benchmark gives it enough memory to hold the table, as a real one would have.
   */
  warehouseBufferPool: z.string().regex(/^\d+[KMG]?$/i, "a size such as 4G or 512M"),
  /** Warehouse statement time limit for the benchmark's own queries (the product's is 10 s). */
  warehouseTimeoutMs: z.number().int().positive(),
  resultsDir: z.string(),
});
export type BenchOptions = z.infer<typeof benchOptionsSchema>;

/** A count such as 1000000, 1M or 500k (underscores and commas ignored). */
export function count(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.replaceAll("_", "").replaceAll(",", ""));
  if (!match) throw new Error(`Not a count: ${text} (examples: 1000000, 1M, 500k)`);
  const scale = match[2]?.toLowerCase() === "m" ? 1_000_000 : match[2]?.toLowerCase() === "k" ? 1_000 : 1;
  return Math.round(Number(match[1]) * scale);
}

export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      messages: { type: "string" },
      requests: { type: "string" },
      seed: { type: "string" },
      runs: { type: "string" },
      "budget-ms": { type: "string" },
      "freshness-samples": { type: "string" },
      "skip-warehouse": { type: "boolean" },
      brokers: { type: "string" },
      "mysql-url": { type: "string" },
      "stack-dir": { type: "string" },
      "kafka-port": { type: "string" },
      "warehouse-port": { type: "string" },
      "warehouse-timeout-ms": { type: "string" },
      "warehouse-buffer-pool": { type: "string" },
      "results-dir": { type: "string" },
    },
    strict: true,
  });
  const messages = count(values.messages) ?? 1_000_000;
  const kafkaPort = Number(values["kafka-port"] ?? 19492);
  return benchOptionsSchema.parse({
    messages,
    requests: count(values.requests) ?? Math.ceil(messages / 10),
    seed: Number(values.seed ?? 1277),
    runs: Number(values.runs ?? 20),
    budgetMs: Number(values["budget-ms"] ?? 90_000),
    freshnessSamples: Number(values["freshness-samples"] ?? 50),
    skipWarehouse: values["skip-warehouse"] ?? false,
    brokers: values.brokers
      ?.split(",")
      .map((broker) => broker.trim())
      .filter(Boolean),
    mysqlUrl: values["mysql-url"],
    stackDir: values["stack-dir"] ?? ".stack-bench",
    kafkaPort,
    kafkaControllerPort: kafkaPort + 1,
    warehousePort: Number(values["warehouse-port"] ?? 3347),
    warehouseBufferPool: values["warehouse-buffer-pool"] ?? "4G",
    warehouseTimeoutMs: Number(values["warehouse-timeout-ms"] ?? 300_000),
    resultsDir: values["results-dir"] ?? "bench/results",
  });
}
