import { z } from "zod";

/**
 * Every environment variable FOMO reads, in one zod schema. This directory is the only place in
 * the codebase that touches `process.env`; everything else receives a typed `FomoConfig`.
 * Each variable is documented in `.env.example` and the README.
 */

const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();
const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();
const untrimmedString = z
  .string()
  .transform((value) => (value === "" ? undefined : value))
  .optional();
const booleanFlag = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .transform((value) => value === "1" || value === "true" || value === "yes")
  .optional();

export const envSchema = z.object({
  // Which set of defaults to use: "demo" for `npm run demo`, "test" for the stack the tests start.
  FOMO_PROFILE: z.enum(["demo", "test"]).default("demo"),
  // Where the supervisor keeps downloaded jars, data dirs, logs and pid files.
  STACK_DIR: optionalString,
  // Interface every service binds to.
  BIND_HOST: z.string().default("127.0.0.1"),

  // Kafka: an existing cluster (comma-separated host:port) instead of the embedded broker.
  KAFKA_BROKERS: optionalString,
  KAFKA_PORT: port.optional(),
  KAFKA_CONTROLLER_PORT: port.optional(),
  KAFKA_HEAP: z
    .string()
    .regex(/^\d+[mMgG]$/, "KAFKA_HEAP must look like 512m or 1g")
    .default("768m"),
  JAVA_HOME: optionalString,
  // Kafka security for KAFKA_BROKERS (the embedded broker speaks PLAINTEXT); checked together in kafka-security-env.ts.
  KAFKA_SECURITY_PROTOCOL: optionalString.pipe(z.enum(["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"]).default("PLAINTEXT")),
  KAFKA_SASL_MECHANISM: optionalString.pipe(z.enum(["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"]).optional()),
  KAFKA_SASL_USERNAME: optionalString,
  // Not trimmed: a password may start or end with a space.
  KAFKA_SASL_PASSWORD: untrimmedString,
  // PEM files: the CA that signed the brokers' certificates (default: Node's trust store), and a client certificate and key for mutual TLS.
  KAFKA_TLS_CA_FILE: optionalString,
  KAFKA_TLS_CERT_FILE: optionalString,
  KAFKA_TLS_KEY_FILE: optionalString,
  KAFKA_TLS_KEY_PASSPHRASE: untrimmedString,

  // Warehouse: an existing MySQL/MariaDB server (admin URL, database in the path) instead of the private one.
  MYSQL_URL: optionalString,
  WAREHOUSE_PORT: port.optional(),
  WAREHOUSE_DATABASE: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/)
    .default("fomo"),
  WAREHOUSE_WRITER_USER: z.string().min(1).default("fomo_writer"),
  WAREHOUSE_WRITER_PASSWORD: z.string().min(1).default("fomo_writer_pw"),
  WAREHOUSE_READER_USER: z.string().min(1).default("fomo_reader"),
  WAREHOUSE_READER_PASSWORD: z.string().min(1).default("fomo_reader_pw"),
  WAREHOUSE_STATEMENT_TIMEOUT_MS: positiveInt.default(10_000),
  MARIADB_BIN: optionalString,

  // Schema Registry (Confluent REST API): an existing one instead of the embedded one, and the HTTP
  // Basic credentials to use with it (the embedded one then requires the same credentials).
  SCHEMA_REGISTRY_URL: optionalString.pipe(z.url().optional()),
  SCHEMA_REGISTRY_USERNAME: optionalString,
  SCHEMA_REGISTRY_PASSWORD: optionalString,
  // The embedded registry's port and the compacted topic it keeps its schemas in.
  SCHEMA_REGISTRY_PORT: port.optional(),
  SCHEMA_REGISTRY_TOPIC: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,249}$/, "SCHEMA_REGISTRY_TOPIC must be a valid Kafka topic name")
    .default("_schemas"),

  // Web app, supervisor control API and engine HTTP ports.
  PORT: port.optional(),
  CONTROL_PORT: port.optional(),
  ENGINE_PORT: port.optional(),

  // Data generator.
  GENERATOR_SEED: z.coerce.number().int().default(1277),
  GENERATOR_BACKLOG: z.coerce.number().int().min(0).default(10_000),
  GENERATOR_RATE: z.coerce.number().min(0).max(10_000).default(4),
  // Value format of both topics: json, or avro / protobuf in the Confluent wire format (schemas registered in the Schema Registry).
  GENERATOR_FORMAT: z.enum(["json", "avro", "protobuf"]).default("json"),

  // Sink connector.
  CONNECTOR_FLUSH_INTERVAL_MS: z.coerce.number().int().min(1_000).default(30_000),
  CONNECTOR_DLQ_TOPIC: z.string().min(1).default("purchases-dlq"),
  CONNECTOR_GROUP_ID: z.string().min(1).default("fomo-warehouse-sink"),
  // A stopped pipeline restarts on its own after this long (0: stays stopped until started).
  CONNECTOR_STOP_LIMIT_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 3_600_000)
    .default(600_000),

  // Kafka SQL engine.
  ENGINE_QUERY_TIMEOUT_MS: positiveInt.default(10_000),
  ENGINE_MAX_ROWS: positiveInt.default(10_000),
  ENGINE_MEMORY_LIMIT: z
    .string()
    .regex(/^\d+(\.\d+)?\s*(KB|MB|GB|KiB|MiB|GiB)$/i)
    .default("1.5GB"),
  ENGINE_MAX_CONCURRENT_QUERIES: positiveInt.default(4),
  ENGINE_THREADS: positiveInt.default(2),

  // Fairness, per visitor (0: no limit). Defaults: hosted 60 / 2 / 8, local mode unlimited.
  VISITOR_QUERIES_PER_MINUTE: z.coerce.number().int().min(0).max(100_000).optional(),
  VISITOR_QUERIES_AT_ONCE: z.coerce.number().int().min(0).max(1_000).optional(),
  VISITOR_QUERIES_WAITING: z.coerce.number().int().min(0).max(10_000).optional(),
  // Warehouse queries that run at once from one web server (its read-only pool size).
  WAREHOUSE_MAX_CONCURRENT_QUERIES: positiveInt.max(64).default(4),

  // Kafka explorer: live tails and searches that may run at once in the web server (more are refused).
  EXPLORER_MAX_STREAMS: positiveInt.max(64).default(8),

  // Hosted mode: invited visitors only, per-visitor limits, safe-to-expose responses (`npm run demo -- --hosted`).
  FOMO_HOSTED: booleanFlag,
  // HMAC-SHA256 key that signs invitation cookies and (through a key derived from it) each
  // visitor's "pipeline stopped" cookie (required when several web instances share one
  // hosted copy; otherwise generated once into <STACK_DIR>/hosted-secret with mode 0600).
  FOMO_HOSTED_SECRET: z
    .string()
    .trim()
    .transform((value) => (value === "" ? undefined : value))
    .pipe(z.string().min(32, "FOMO_HOSTED_SECRET must be at least 32 characters").optional())
    .optional(),
  // The account that owns <WAREHOUSE_DATABASE>_hosted (invitations, visits); no other database.
  WAREHOUSE_HOSTED_USER: z.string().min(1).default("fomo_hosted"),
  WAREHOUSE_HOSTED_PASSWORD: z.string().min(1).default("fomo_hosted_pw"),
  // Base URL printed in invitation links (what visitors type; behind a proxy: https://demo.example.com).
  FOMO_PUBLIC_URL: optionalString.pipe(z.url().optional()),
  // Live figures pushed to pages (GET /api/live): open streams one visitor may hold at once (hosted mode).
  LIVE_MAX_STREAMS_PER_VISITOR: positiveInt.max(100).default(6),

  // Tests: point the test stack at running services instead of starting its own.
  FOMO_TEST_KAFKA_BROKERS: optionalString,
  FOMO_TEST_MYSQL_URL: optionalString,
  // Skip the web production build in `npm run demo` and use `next dev` (for UI work).
  FOMO_WEB_DEV: booleanFlag,
  // Start no web app at all (tests of the supervisor itself; the status then lists web as disabled).
  FOMO_SKIP_WEB: booleanFlag,
  // Where the supervisor looks for java, mvn, mariadbd/mysqld (the usual executable search path).
  PATH: optionalString,
  // Path of the Chromium binary Playwright drives.
  CHROMIUM_PATH: z.string().default("/usr/bin/chromium"),
});

export type FomoEnv = z.infer<typeof envSchema>;
