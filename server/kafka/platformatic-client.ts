import { Admin, Connection, ConnectionPool, Consumer } from "@platformatic/kafka";
import { configuredKafkaSecurity, platformaticSecurityOptions } from "./kafka-connection-options";
import type { KafkaSecurity } from "./kafka-security";

/**
 * @platformatic/kafka, only where measured speed needs it; kafkajs (kafkajs-client.ts) does
 * everything else. It is built in exactly two places:
 * - the fetch path (fetch-path.ts), the engine's ingest (server/engine/ingest): raw Fetch v17
 *   whose record batches stay one Buffer; ingest CPU went from ≈14.5 s to 8.0 s per 1M messages
 *   (server/engine/README.md, "Ingest performance"), and cold catch-up reached 415,670 msg/s at
 *   10M (bench/results/2026-11-24T05-59-52Z-10000000.md);
 * - the bulk producer (server/generator/bulk-produce.ts): raw Produce v9 with hand-encoded
 *   batches, 901,415 purchases/s in the same run, where kafkajs topped out at ~40-50k msg/s
 *   (server/generator/README.md).
 * The reads kafkajs 2.2 cannot make ride on the fetch path's clients, never on a client of their
 * own: Fetch at explicit offsets without joining a group (the explorer's tails and searches, the
 * connector's dead-letter scan), topic IDs (Metadata v10+; the connector's topic-incarnation
 * check) and DescribeLogDirs (the explorer's topic sizes). eslint.config.mjs keeps every other
 * module off this file. Every connection gets the same SASL/TLS options as the kafkajs clients.
 */
export type { Admin as PlatformaticAdmin, Connection, ConnectionPool, Consumer as PlatformaticConsumer } from "@platformatic/kafka";

/** Timeouts and retries of a client; the fetch path chooses them (its callers fail fast and retry in their own loops). */
export interface PlatformaticTuning {
  timeout?: number;
  retries?: number;
  retryDelay?: number;
  connectTimeout?: number;
  metadataMaxAge?: number;
}

function baseOptions(brokers: string[], clientId: string, tuning: PlatformaticTuning, security: KafkaSecurity | undefined) {
  return { bootstrapBrokers: brokers, clientId, ...tuning, ...platformaticSecurityOptions(security ?? configuredKafkaSecurity()) };
}

export function createPlatformaticAdmin(
  brokers: string[],
  clientId: string,
  tuning: PlatformaticTuning = {},
  security?: KafkaSecurity,
): Admin {
  return new Admin(baseOptions(brokers, clientId, tuning, security));
}

export interface FetchingConsumerTuning extends PlatformaticTuning {
  maxWaitTime?: number;
  minBytes?: number;
  maxBytes?: number;
}

/**
 * A Consumer used only for metadata, offsets and Fetch at explicit offsets: it never joins its
 * group, commits or heartbeats (the constructor requires a groupId; it is never sent to a coordinator).
 */
export function createFetchingConsumer(
  brokers: string[],
  clientId: string,
  tuning: FetchingConsumerTuning = {},
  security?: KafkaSecurity,
): Consumer {
  return new Consumer({ ...baseOptions(brokers, clientId, tuning, security), groupId: `${clientId}-never-joins` });
}

/** Connections to individual brokers (the engine's lean fetches pick the partition leader's). */
export function createConnectionPool(
  clientId: string,
  timeouts: { connectTimeout: number; requestTimeout: number },
  security?: KafkaSecurity,
): ConnectionPool {
  return new ConnectionPool(clientId, { ...timeouts, ...platformaticSecurityOptions(security ?? configuredKafkaSecurity()) });
}

/** One connection to one broker, authenticated and encrypted like every other (the bulk producer's leaders). */
export async function openBrokerConnection(host: string, port: number, clientId: string, security?: KafkaSecurity): Promise<Connection> {
  const connection = new Connection(clientId, platformaticSecurityOptions(security ?? configuredKafkaSecurity()));
  await connection.connect(host, port);
  return connection;
}
