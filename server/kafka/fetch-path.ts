import type { KafkaSecurity } from "./kafka-security";
import { leanFetch, type LeanFetchRequest, type LeanFetchResponse } from "./lean-fetch";
import {
  createConnectionPool,
  createFetchingConsumer,
  createPlatformaticAdmin,
  type PlatformaticAdmin,
  type PlatformaticConsumer,
} from "./platformatic-client";

/**
 * The fetch path: the one place FOMO reads Kafka through @platformatic/kafka. It exists for the
 * engine's ingest (server/engine/ingest): Fetch v17 whose record batches stay one Buffer
 * (lean-fetch.ts, walked by record-batch-decoder.ts) cut ingest CPU from ≈14.5 s to 8.0 s per
 * million messages (server/engine/README.md, "Ingest performance"). The few reads kafkajs 2.2
 * cannot make at all ride on the same clients, through the narrow functions of `FetchPathReads`:
 * - `fetchAtOffsets`: Fetch at explicit offsets without joining a consumer group (the engine, the
 *   explorer's tails and searches, the connector's dead-letter scan);
 * - `topicIds`: topic IDs, which need Metadata v10+ where kafkajs speaks v6 (the engine's and the
 *   connector's topic-incarnation checks, Fetch v17's topic addressing);
 * - `logDirSizes`: DescribeLogDirs, which kafkajs does not implement (the explorer's topic sizes).
 * Everything else (listing topics, watermarks, consumer groups, producing) goes through kafkajs
 * (kafkajs-client.ts).
 */
export interface FetchPathReads {
  /**
   * One Fetch from broker `node` at the given offsets (topics by ID), no consumer group; each
   * partition's record batches come back as one Buffer. Throws on a partition error.
   */
  fetchAtOffsets(node: number, request: LeanFetchRequest): Promise<LeanFetchResponse>;
  /** Topic ID of each named topic, from fresh metadata; throws when one does not exist. */
  topicIds(topics: string[]): Promise<Map<string, string>>;
  /** Bytes on disk per topic and partition (`sizes.get(topic)?.get(partition)`), summed over log dirs and brokers. */
  logDirSizes(topics: { name: string; partitions: number }[]): Promise<Map<string, Map<number, number>>>;
  close(): Promise<void>;
}

/** The engine's view: its topic discovery and offset look-ups use the same clients. */
export interface KafkaFetchPath extends FetchPathReads {
  /** Topics, partitions, leaders and topic IDs (the engine's discovery). */
  readonly admin: PlatformaticAdmin;
  /** ListOffsets by timestamp (the engine's snapshots); a Consumer that never joins its group. */
  readonly offsets: PlatformaticConsumer;
  /** Forgets the cached broker addresses after a failed fetch (a broker may have moved). */
  forgetLeaders(): void;
}

/** What Kafka reports for "no ID" (a broker too old to assign them). */
const ZERO_UUID = "00000000-0000-0000-0000-000000000000";

/** Fail fast: every caller (ingest loop, explorer poll, sink session) retries in its own loop. */
const TUNING = { retries: 2, retryDelay: 250, timeout: 5_000, connectTimeout: 3_000, metadataMaxAge: 2_000 };

/** `security` defaults to this process's configuration (KAFKA_SECURITY_PROTOCOL...). */
export function createKafkaFetchPath(brokers: string[], clientId: string, security?: KafkaSecurity): KafkaFetchPath {
  const admin = createPlatformaticAdmin(brokers, clientId, TUNING, security);
  const offsets = createFetchingConsumer(brokers, clientId, TUNING, security);
  // Fetches long-poll, and a broker answers one request per connection at a time: they get their own connections.
  const connections = createConnectionPool(
    `${clientId}-fetch`,
    { connectTimeout: TUNING.connectTimeout, requestTimeout: 10_000 },
    security,
  );
  return {
    admin,
    offsets,
    async fetchAtOffsets(node, request) {
      // Brokers only (no topics): the cached answer stands until forgetLeaders().
      const metadata = await admin.metadata({ topics: [] });
      const broker = metadata.brokers.get(node);
      if (!broker) {
        admin.clearMetadata();
        throw new Error(`Kafka broker ${node} is not in the cluster metadata`);
      }
      return leanFetch(await connections.get(broker), request);
    },
    async topicIds(topics) {
      if (topics.length === 0) return new Map();
      const metadata = await admin.metadata({ topics, forceUpdate: true });
      const ids = new Map<string, string>();
      for (const [name, topic] of metadata.topics) if (topic?.id && topic.id !== ZERO_UUID) ids.set(name, topic.id);
      return ids;
    },
    async logDirSizes(topics) {
      const sizes = new Map<string, Map<number, number>>();
      if (topics.length === 0) return sizes;
      const brokerDirs = await admin.describeLogDirs({
        topics: topics.map(({ name, partitions }) => ({ name, partitions: Array.from({ length: partitions }, (_, i) => i) })),
      });
      for (const broker of brokerDirs) {
        for (const dir of broker.results) {
          for (const topic of dir.topics) {
            const perPartition = sizes.get(topic.name) ?? new Map<number, number>();
            for (const p of topic.partitions) {
              if (p.isFutureKey) continue;
              perPartition.set(p.partitionIndex, (perPartition.get(p.partitionIndex) ?? 0) + Number(p.partitionSize));
            }
            sizes.set(topic.name, perPartition);
          }
        }
      }
      return sizes;
    },
    forgetLeaders: () => admin.clearMetadata(),
    async close() {
      await Promise.allSettled([admin.close(), offsets.close(true), connections.close()]);
    },
  };
}
