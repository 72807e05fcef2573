import { Admin, ConnectionPool, Consumer } from "@platformatic/kafka";

/**
 * The engine's Kafka clients. Fetches long-poll, and a broker answers one request per connection
 * at a time, so the fetching consumer gets its own connections; metadata and offset look-ups
 * (which every query waits on) go through a second client that never long-polls.
 * No consumer group is ever joined and nothing is committed: offsets live in the engine.
 * `fetchConnections` carries the engine's lean fetches (lean-fetch.ts); `fetcher` knows the
 * cluster's brokers (metadata) for them.
 */
export interface EngineKafkaClients {
  fetcher: Consumer;
  fetchConnections: ConnectionPool;
  offsets: Consumer;
  admin: Admin;
  close(): Promise<void>;
}

export function createEngineKafkaClients(brokers: string[], clientId: string): EngineKafkaClients {
  const base = {
    bootstrapBrokers: brokers,
    clientId,
    // Fail fast and let the engine's own loops retry: a broker restart must not block queries.
    retries: 2,
    retryDelay: 250,
    timeout: 5_000,
    connectTimeout: 3_000,
    metadataMaxAge: 2_000,
  };
  // groupId is required by the client's constructor; it is never joined.
  const fetcher = new Consumer({ ...base, groupId: `${clientId}-unused`, maxWaitTime: 200, minBytes: 1, maxBytes: 64 * 1024 * 1024 });
  const offsets = new Consumer({ ...base, groupId: `${clientId}-unused` });
  const admin = new Admin(base);
  const fetchConnections = new ConnectionPool(`${clientId}-fetch`, { connectTimeout: base.connectTimeout, requestTimeout: 10_000 });
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
