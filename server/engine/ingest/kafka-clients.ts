import type { KafkaSecurity } from "../../kafka/kafka-security";
import {
  createConnectionPool,
  createFetchingConsumer,
  createPlatformaticAdmin,
  type ConnectionPool,
  type PlatformaticAdmin as Admin,
  type PlatformaticConsumer as Consumer,
} from "../../kafka/platformatic-client";

/**
 * The engine's Kafka clients. Fetches long-poll, and a broker answers one request per connection
 * at a time, so the fetching consumer gets its own connections; metadata and offset look-ups
 * (which every query waits on) go through a second client that never long-polls.
 * No consumer group is ever joined and nothing is committed: offsets live in the engine.
 * `fetchConnections` carries the engine's lean fetches (lean-fetch.ts); `fetcher` knows the
 * cluster's brokers (metadata) for them.
 * @platformatic/kafka, not the product's kafkajs, for speed: the lean fetch cut ingest CPU from
 * ≈14.5 s to 8.0 s per million messages (server/engine/README.md, "Ingest performance").
 */
export interface EngineKafkaClients {
  fetcher: Consumer;
  fetchConnections: ConnectionPool;
  offsets: Consumer;
  admin: Admin;
  close(): Promise<void>;
}

/** `security` defaults to this process's configuration (KAFKA_SECURITY_PROTOCOL...). */
export function createEngineKafkaClients(brokers: string[], clientId: string, security?: KafkaSecurity): EngineKafkaClients {
  const tuning = {
    // Fail fast and let the engine's own loops retry: a broker restart must not block queries.
    retries: 2,
    retryDelay: 250,
    timeout: 5_000,
    connectTimeout: 3_000,
    metadataMaxAge: 2_000,
  };
  const fetcher = createFetchingConsumer(
    brokers,
    clientId,
    { ...tuning, maxWaitTime: 200, minBytes: 1, maxBytes: 64 * 1024 * 1024 },
    security,
  );
  const offsets = createFetchingConsumer(brokers, clientId, tuning, security);
  const admin = createPlatformaticAdmin(brokers, clientId, tuning, security);
  const fetchConnections = createConnectionPool(
    `${clientId}-fetch`,
    { connectTimeout: tuning.connectTimeout, requestTimeout: 10_000 },
    security,
  );
  return {
    fetcher,
    fetchConnections,
    offsets,
    admin,
    async close() {
      await Promise.allSettled([fetcher.close(true), offsets.close(true), admin.close(), fetchConnections.close()]);
    },
  };
}
