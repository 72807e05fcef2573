import { AssignerProtocol, Kafka, logLevel, Partitioners, type KafkaConfig } from "kafkajs";
import { configuredKafkaSecurity, kafkajsSecurityOptions } from "./kafka-connection-options";
import type { KafkaSecurity } from "./kafka-security";

/**
 * The product's Kafka client: kafkajs for administration, producing and consumer groups
 * (generator, connector, explorer's internal topics, supervisor, tests, benchmarks). Every kafkajs
 * client is built here, so brokers, SASL/TLS, client ids, timeouts and retries agree everywhere.
 */
export { AssignerProtocol, Partitioners };
export type {
  Admin,
  Consumer,
  EachBatchPayload,
  GroupDescription,
  IHeaders,
  ITopicConfig,
  Kafka,
  KafkaMessage,
  Message,
  Producer,
} from "kafkajs";

/**
 * How hard a client tries before an error reaches its caller:
 * - `pipeline`: generator, connector, tests: ride out a broker restart (about 8 retries up to 5 s apart);
 * - `interactive`: the explorer: fail within seconds (5 s per request), the UI polls again;
 * - `fail-fast`: the supervisor's probes and health checks: one retry, short timeouts, it polls itself.
 */
export type KafkajsRetryProfile = "pipeline" | "interactive" | "fail-fast";

const RETRY_PROFILES: Record<KafkajsRetryProfile, Pick<KafkaConfig, "connectionTimeout" | "requestTimeout" | "retry">> = {
  pipeline: { connectionTimeout: 3_000, retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 5_000 } },
  interactive: { connectionTimeout: 5_000, requestTimeout: 5_000, retry: { retries: 2 } },
  "fail-fast": { connectionTimeout: 1_500, requestTimeout: 5_000, retry: { retries: 1, initialRetryTime: 200, maxRetryTime: 1_000 } },
};

export interface KafkajsClientOptions {
  /** Default: this process's configuration (KAFKA_SECURITY_PROTOCOL...). */
  security?: KafkaSecurity;
  /** Default: `pipeline`. */
  retries?: KafkajsRetryProfile;
  /**
   * kafkajs logs only errors by default: retries while a broker restarts are expected and already
   * reported through status. `silent` logs nothing (tests, probes that report failures themselves).
   */
  silent?: boolean;
}

export function createKafka(brokers: string[], clientId: string, options: KafkajsClientOptions = {}): Kafka {
  const profile = options.retries ?? "pipeline";
  return new Kafka({
    clientId,
    brokers,
    logLevel: options.silent || profile !== "pipeline" ? logLevel.NOTHING : logLevel.ERROR,
    ...RETRY_PROFILES[profile],
    ...kafkajsSecurityOptions(options.security ?? configuredKafkaSecurity()),
  });
}
