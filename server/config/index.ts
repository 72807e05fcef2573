import path from "node:path";
import { envSchema } from "./env-schema";
import { profileDefaults } from "./profile-defaults";
import { ConfigError } from "./config-error";
import { kafkaSecurityFromEnv, type KafkaTlsFiles } from "./kafka-security-env";
import type { KafkaSecurity } from "../kafka/kafka-security";

export { ConfigError } from "./config-error";

/** The resolved, typed configuration of every FOMO service. */
export interface FomoConfig {
  profile: "demo" | "test";
  bindHost: string;
  stackDir: string;
  kafka: {
    /** Set when KAFKA_BROKERS points at an existing cluster; then no broker is started. */
    externalBrokers: string[] | undefined;
    port: number;
    controllerPort: number;
    heap: string;
    javaHome: string | undefined;
    /** Where clients connect: the external brokers or the embedded one. */
    brokers: string[];
    /** SASL and TLS of every Kafka connection (PLAINTEXT for the embedded broker). */
    security: KafkaSecurity;
    /** KAFKA_TLS_*_FILE as absolute paths (handed to the children, which may start in another directory). */
    tlsFiles: KafkaTlsFiles;
  };
  warehouse: {
    /** Set when MYSQL_URL points at an existing server; then no server is started. */
    externalAdminUrl: string | undefined;
    port: number;
    host: string;
    database: string;
    writer: { user: string; password: string };
    reader: { user: string; password: string };
    statementTimeoutMs: number;
    /** Analyst queries at once from this web server (the read-only pool's size). */
    maxConcurrentQueries: number;
    mariadbBin: string | undefined;
  };
  web: {
    port: number;
    url: string;
    devMode: boolean;
    /** Next.js distDir (relative to the repo). */ distDir: string;
    /** false when FOMO_SKIP_WEB: the supervisor starts no web app. */ enabled: boolean;
  };
  control: { port: number; url: string };
  engine: {
    port: number;
    url: string;
    queryTimeoutMs: number;
    maxRows: number;
    memoryLimit: string;
    maxConcurrentQueries: number;
    threads: number;
  };
  /**
   * The Schema Registry every reader and writer uses: SCHEMA_REGISTRY_URL's (then the embedded one
   * is not started) or the embedded one on `port`, which keeps its schemas in `topic`.
   */
  schemaRegistry: {
    external: boolean;
    url: string;
    port: number;
    topic: string;
    /** HTTP Basic credentials: sent to the registry, and required by the embedded one. */
    auth: { username: string; password: string } | undefined;
  };
  generator: { seed: number; backlog: number; ratePerTopic: number; format: "json" | "avro" | "protobuf" };
  connector: { flushIntervalMs: number; dlqTopic: string; groupId: string; stopLimitMs: number };
  /**
   * Hosted mode (FOMO_HOSTED=1 or `npm run demo -- --hosted`): every page and API needs an
   * invitation; per-visitor limits and pipeline stops; responses carry no internal detail.
   */
  hosted: {
    enabled: boolean;
    /** FOMO_HOSTED_SECRET when set; otherwise server/hosted reads or creates <stackDir>/hosted-secret. */
    secret: string | undefined;
    /** Base URL of invitation links, without a trailing slash. */
    publicUrl: string;
    /** The database (on the warehouse server) that holds invitations and visits: never the analysts'. */
    database: string;
    /** The account with ALL on that database and nothing else (the web app and `npm run invite` use it). */
    account: { user: string; password: string };
  };
  /** What one visitor may do without slowing the others down; 0 means no limit. */
  fairness: VisitorLimits;
  /** "Stop the pipeline" for one visitor (hosted mode): how long a stop lasts (its cookie is signed with the hosted secret). */
  visitorStop: { limitMs: number };
  /** Kafka explorer (/kafka): at most this many live tails and searches at once per web server. */
  explorer: { maxConcurrentStreams: number };
  /** Live figures pushed to every open page (`GET /api/live`). */
  live: { maxStreamsPerVisitor: number };
  testing: { kafkaBrokers: string | undefined; mysqlUrl: string | undefined; chromiumPath: string };
  /** The executable search path (PATH) the supervisor uses to find java, mvn and mariadbd/mysqld. */
  searchPath: string | undefined;
}

export interface VisitorLimits {
  queriesPerMinute: number;
  /** Queries of one visitor running at once; more wait in the visitor's own queue. */
  queriesAtOnce: number;
  /** Queries of one visitor waiting; more are refused with 429. */
  queriesWaiting: number;
}

/** Hosted copies are shared: limits by default. A presenter's laptop has one visitor: none. */
const HOSTED_LIMITS: VisitorLimits = { queriesPerMinute: 60, queriesAtOnce: 2, queriesWaiting: 8 };
const LOCAL_LIMITS: VisitorLimits = { queriesPerMinute: 0, queriesAtOnce: 0, queriesWaiting: 0 };

/** A visitor's stop needs a finite limit (history is kept that long); "never" becomes one day. */
const LONGEST_VISITOR_STOP_MS = 24 * 3_600_000;

function splitBrokers(list: string): string[] {
  return list
    .split(",")
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
}

function hostOfMysqlUrl(url: string): { host: string; port: number; database: string | undefined } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new ConfigError("MYSQL_URL is not a valid URL (expected mysql://user:password@host:port/database)", { cause });
  }
  if (parsed.protocol !== "mysql:" && parsed.protocol !== "mariadb:") {
    throw new ConfigError(`MYSQL_URL must start with mysql:// (got ${parsed.protocol}//)`);
  }
  const database = parsed.pathname.replace(/^\//, "") || undefined;
  return { host: parsed.hostname, port: parsed.port ? Number(parsed.port) : 3306, database };
}

/** Parses and validates an environment; throws one ConfigError listing every bad variable. */
export function parseConfig(env: Record<string, string | undefined>, cwd = process.cwd()): FomoConfig {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`, { cause: result.error });
  }
  const e = result.data;
  const defaults = profileDefaults[e.FOMO_PROFILE];
  const kafkaPort = e.KAFKA_PORT ?? defaults.kafkaPort;
  const externalBrokers = e.KAFKA_BROKERS ? splitBrokers(e.KAFKA_BROKERS) : undefined;
  if (externalBrokers && externalBrokers.length === 0) throw new ConfigError("KAFKA_BROKERS is set but lists no broker");

  const kafkaSecurity = kafkaSecurityFromEnv(e, externalBrokers === undefined, cwd);

  const external = e.MYSQL_URL ? hostOfMysqlUrl(e.MYSQL_URL) : undefined;
  const warehousePort = external?.port ?? e.WAREHOUSE_PORT ?? defaults.warehousePort;
  const webPort = e.PORT ?? defaults.webPort;
  const controlPort = e.CONTROL_PORT ?? defaults.controlPort;
  const enginePort = e.ENGINE_PORT ?? defaults.enginePort;
  const localHost = e.BIND_HOST === "0.0.0.0" ? "127.0.0.1" : e.BIND_HOST;
  const registryPort = e.SCHEMA_REGISTRY_PORT ?? defaults.schemaRegistryPort;
  if ((e.SCHEMA_REGISTRY_USERNAME === undefined) !== (e.SCHEMA_REGISTRY_PASSWORD === undefined)) {
    throw new ConfigError("SCHEMA_REGISTRY_USERNAME and SCHEMA_REGISTRY_PASSWORD must be set together");
  }
  const registryAuth =
    e.SCHEMA_REGISTRY_USERNAME !== undefined && e.SCHEMA_REGISTRY_PASSWORD !== undefined
      ? { username: e.SCHEMA_REGISTRY_USERNAME, password: e.SCHEMA_REGISTRY_PASSWORD }
      : undefined;
  const hosted = e.FOMO_HOSTED ?? false;
  const limits = hosted ? HOSTED_LIMITS : LOCAL_LIMITS;

  return {
    profile: e.FOMO_PROFILE,
    bindHost: e.BIND_HOST,
    stackDir: path.resolve(cwd, e.STACK_DIR ?? defaults.stackDir),
    kafka: {
      externalBrokers,
      port: kafkaPort,
      controllerPort: e.KAFKA_CONTROLLER_PORT ?? defaults.kafkaControllerPort,
      heap: e.KAFKA_HEAP,
      javaHome: e.JAVA_HOME,
      brokers: externalBrokers ?? [`${localHost}:${kafkaPort}`],
      security: kafkaSecurity.security,
      tlsFiles: kafkaSecurity.tlsFiles,
    },
    warehouse: {
      externalAdminUrl: e.MYSQL_URL,
      port: warehousePort,
      host: external?.host ?? localHost,
      database: external?.database ?? e.WAREHOUSE_DATABASE,
      writer: { user: e.WAREHOUSE_WRITER_USER, password: e.WAREHOUSE_WRITER_PASSWORD },
      reader: { user: e.WAREHOUSE_READER_USER, password: e.WAREHOUSE_READER_PASSWORD },
      statementTimeoutMs: e.WAREHOUSE_STATEMENT_TIMEOUT_MS,
      maxConcurrentQueries: e.WAREHOUSE_MAX_CONCURRENT_QUERIES,
      mariadbBin: e.MARIADB_BIN,
    },
    web: {
      port: webPort,
      url: `http://${localHost}:${webPort}`,
      devMode: e.FOMO_WEB_DEV ?? false,
      distDir: defaults.nextDistDir,
      enabled: !(e.FOMO_SKIP_WEB ?? false),
    },
    control: { port: controlPort, url: `http://${localHost}:${controlPort}` },
    engine: {
      port: enginePort,
      url: `http://${localHost}:${enginePort}`,
      queryTimeoutMs: e.ENGINE_QUERY_TIMEOUT_MS,
      maxRows: e.ENGINE_MAX_ROWS,
      memoryLimit: e.ENGINE_MEMORY_LIMIT,
      maxConcurrentQueries: e.ENGINE_MAX_CONCURRENT_QUERIES,
      threads: e.ENGINE_THREADS,
    },
    schemaRegistry: {
      external: e.SCHEMA_REGISTRY_URL !== undefined,
      url: (e.SCHEMA_REGISTRY_URL ?? `http://${localHost}:${registryPort}`).replace(/\/+$/, ""),
      port: registryPort,
      topic: e.SCHEMA_REGISTRY_TOPIC,
      auth: registryAuth,
    },
    generator: { seed: e.GENERATOR_SEED, backlog: e.GENERATOR_BACKLOG, ratePerTopic: e.GENERATOR_RATE, format: e.GENERATOR_FORMAT },
    connector: {
      flushIntervalMs: e.CONNECTOR_FLUSH_INTERVAL_MS,
      dlqTopic: e.CONNECTOR_DLQ_TOPIC,
      groupId: e.CONNECTOR_GROUP_ID,
      stopLimitMs: e.CONNECTOR_STOP_LIMIT_MS,
    },
    hosted: {
      enabled: hosted,
      secret: e.FOMO_HOSTED_SECRET,
      publicUrl: (e.FOMO_PUBLIC_URL ?? `http://${localHost}:${webPort}`).replace(/\/+$/, ""),
      database: `${external?.database ?? e.WAREHOUSE_DATABASE}_hosted`,
      account: { user: e.WAREHOUSE_HOSTED_USER, password: e.WAREHOUSE_HOSTED_PASSWORD },
    },
    fairness: {
      queriesPerMinute: e.VISITOR_QUERIES_PER_MINUTE ?? limits.queriesPerMinute,
      queriesAtOnce: e.VISITOR_QUERIES_AT_ONCE ?? limits.queriesAtOnce,
      queriesWaiting: e.VISITOR_QUERIES_WAITING ?? limits.queriesWaiting,
    },
    visitorStop: {
      limitMs: e.CONNECTOR_STOP_LIMIT_MS > 0 ? e.CONNECTOR_STOP_LIMIT_MS : LONGEST_VISITOR_STOP_MS,
    },
    explorer: { maxConcurrentStreams: e.EXPLORER_MAX_STREAMS },
    live: { maxStreamsPerVisitor: e.LIVE_MAX_STREAMS_PER_VISITOR },
    testing: { kafkaBrokers: e.FOMO_TEST_KAFKA_BROKERS, mysqlUrl: e.FOMO_TEST_MYSQL_URL, chromiumPath: e.CHROMIUM_PATH },
    searchPath: e.PATH,
  };
}

let cached: FomoConfig | undefined;

/**
 * The configuration of this process, read from `process.env` once. `overrides` are command-line
 * switches that stand for a variable (`npm run demo -- --hosted` is FOMO_HOSTED=1); they only
 * count on the first call, which the CLI makes before anything else reads the config.
 */
export function loadConfig(overrides: Record<string, string> = {}): FomoConfig {
  cached ??= parseConfig({ ...process.env, ...overrides });
  return cached;
}

/**
 * The environment a child service is started with: the parent's variables plus overrides, so the
 * child's `loadConfig()` sees exactly what the supervisor resolved (e.g. the broker it started).
 */
export function childEnvironment(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}
