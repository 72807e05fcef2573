import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import type { FomoConfig } from "../../server/config";
import { count } from "../bench-options";

/** Command-line options of `npm run trino-check` (see bench/trino/README.md). */
export const trinoCheckOptionsSchema = z.object({
  brokers: z.array(z.string().min(1)).min(1),
  /** The registry Trino's Confluent table-description supplier reads (and where `--produce` registers). */
  registryUrl: z.url(),
  registryAuth: z.object({ username: z.string(), password: z.string() }).optional(),
  /** Start an embedded registry on `brokers` (own store topic) instead of using `registryUrl`. */
  embeddedRegistry: z.boolean(),
  /** Ask the engine through its own HTTP API (`POST /v1/query`)... */
  engineUrl: z.url(),
  /** ...or, when set, through the web app (`POST /api/query`, database "kafka"), as a browser does. */
  webUrl: z.url().optional(),
  /** Start an engine process of our own on the checked topic (for `--produce` runs without a stack). */
  startEngine: z.boolean(),
  /** The Avro topic both sides read (ignored with `--produce`, which makes a fresh one). */
  topic: z
    .string()
    .regex(/^[a-z0-9_]{1,200}$/, "a lower-case topic name of letters, digits and underscores (Trino lower-cases table names)"),
  /** Produce this many Avro purchases to a fresh topic first (0: check `topic` as it is). */
  produce: z.number().int().nonnegative(),
  seed: z.number().int(),
  cacheDir: z.string(),
  /** A JDK 24+ for Trino 476 (default: the newest such JDK under /usr/lib/jvm). */
  javaHome: z.string().optional(),
  /** Trino's HTTP port (0: a free one). */
  trinoPort: z.number().int().min(0).max(65535),
  heap: z.string().regex(/^\d+[MG]$/, "a JVM heap size such as 1G or 768M"),
  /** Keep Trino's run directory (config and server.log) after a successful run. */
  keepRunDir: z.boolean(),
  resultsDir: z.string(),
});
export type TrinoCheckOptions = z.infer<typeof trinoCheckOptionsSchema>;

/** Flags win; otherwise the stack's own configuration (KAFKA_BROKERS, SCHEMA_REGISTRY_URL, ENGINE_PORT...). */
export function parseTrinoCheckOptions(argv: string[], config: FomoConfig): TrinoCheckOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      brokers: { type: "string" },
      "registry-url": { type: "string" },
      "embedded-registry": { type: "boolean" },
      "engine-url": { type: "string" },
      "web-url": { type: "string" },
      "start-engine": { type: "boolean" },
      topic: { type: "string" },
      produce: { type: "string" },
      seed: { type: "string" },
      "cache-dir": { type: "string" },
      "java-home": { type: "string" },
      "trino-port": { type: "string" },
      heap: { type: "string" },
      "keep-run-dir": { type: "boolean" },
      "results-dir": { type: "string" },
    },
    strict: true,
  });
  return trinoCheckOptionsSchema.parse({
    brokers: values.brokers
      ? values.brokers
          .split(",")
          .map((broker) => broker.trim())
          .filter(Boolean)
      : config.kafka.brokers,
    registryUrl: values["registry-url"] ?? config.schemaRegistry.url,
    registryAuth: config.schemaRegistry.auth,
    embeddedRegistry: values["embedded-registry"] ?? false,
    engineUrl: values["engine-url"] ?? config.engine.url,
    webUrl: values["web-url"],
    startEngine: values["start-engine"] ?? false,
    topic: values.topic ?? "purchases",
    produce: count(values.produce) ?? 0,
    seed: Number(values.seed ?? 1277),
    cacheDir: values["cache-dir"] ?? path.join(os.homedir(), ".cache", "fomo", "trino"),
    javaHome: values["java-home"],
    trinoPort: Number(values["trino-port"] ?? 0),
    heap: values.heap ?? "1G",
    keepRunDir: values["keep-run-dir"] ?? false,
    resultsDir: values["results-dir"] ?? "bench/results",
  });
}
