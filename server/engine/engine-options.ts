import { z } from "zod";
import type { FomoConfig } from "../config";
import { kafkaSecuritySchema } from "../kafka/kafka-security";

/** Options of `createKafkaSqlEngine`, validated before any I/O. */
export const engineOptionsSchema = z.object({
  brokers: z.array(z.string().min(1)).min(1),
  /** SASL/TLS of the engine's Kafka connections; default: this process's configuration. */
  security: kafkaSecuritySchema.optional(),
  queryTimeoutMs: z.number().int().positive().default(10_000),
  maxRows: z.number().int().positive().default(10_000),
  memoryLimit: z.string().min(1).default("1.5GB"),
  threads: z.number().int().positive().default(2),
  maxConcurrentQueries: z.number().int().positive().default(4),
  /** Queries waiting for a free slot before new ones get `rate_limit:queue_full`. */
  maxQueuedQueries: z.number().int().nonnegative().default(32),
  /** Hidden from SHOW TABLES like every `*-dlq` topic. */
  dlqTopic: z.string().default("purchases-dlq"),
  /** How often topics are listed (new, deleted, re-created topics and new partitions). */
  metadataIntervalMs: z.number().int().positive().default(2_000),
  clientId: z.string().default("fomo-engine"),
  /** The Schema Registry that resolves Confluent-framed keys and values (none: they are `no-registry` rows). */
  schemaRegistry: z
    .object({
      url: z.url(),
      auth: z.object({ username: z.string(), password: z.string() }).optional(),
      timeoutMs: z.number().int().positive().default(2_000),
    })
    .optional(),
  /** How long "the registry does not know this schema id" is believed before rows with it are tried again. */
  unknownSchemaIdTtlMs: z.number().int().nonnegative().default(30_000),
  /** How often rows that wait for the registry (unknown id, registry down) are decoded again. */
  redecodeIntervalMs: z.number().int().positive().default(2_000),
  /** Only topics it accepts are ingested (tests give each test its own topics). */
  topicFilter: z.custom<(topic: string) => boolean>((value) => typeof value === "function").optional(),
  log: z.custom<(message: string) => void>((value) => typeof value === "function").optional(),
});

export type KafkaSqlEngineOptions = z.input<typeof engineOptionsSchema>;
export type ResolvedEngineOptions = z.output<typeof engineOptionsSchema>;

export function engineOptionsFromConfig(config: FomoConfig): KafkaSqlEngineOptions {
  return {
    brokers: config.kafka.brokers,
    security: config.kafka.security,
    queryTimeoutMs: config.engine.queryTimeoutMs,
    maxRows: config.engine.maxRows,
    memoryLimit: config.engine.memoryLimit,
    threads: config.engine.threads,
    maxConcurrentQueries: config.engine.maxConcurrentQueries,
    dlqTopic: config.connector.dlqTopic,
    schemaRegistry: { url: config.schemaRegistry.url, auth: config.schemaRegistry.auth },
  };
}
