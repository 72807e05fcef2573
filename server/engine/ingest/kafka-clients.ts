import type { KafkaSecurity } from "../../kafka/kafka-security";
import { createKafkaFetchPath, type KafkaFetchPath } from "../../kafka/fetch-path";

/**
 * The engine's Kafka clients: the fetch path (server/kafka/fetch-path.ts), @platformatic/kafka
 * for speed: its lean Fetch v17 cut ingest CPU from ≈14.5 s to 8.0 s per million messages
 * (server/engine/README.md, "Ingest performance"). No consumer group is ever joined and nothing
 * is committed: offsets live in the engine.
 */
export type EngineKafkaClients = KafkaFetchPath;

/** `security` defaults to this process's configuration (KAFKA_SECURITY_PROTOCOL...). */
export function createEngineKafkaClients(brokers: string[], clientId: string, security?: KafkaSecurity): EngineKafkaClients {
  return createKafkaFetchPath(brokers, clientId, security);
}
