import { type Connection, openBrokerConnection } from "../kafka/platformatic-client";
import { FomoError, toFomoError } from "../../lib/errors";
import { createKafka } from "../kafka/kafkajs-client";
import { ensureTopic } from "../kafka/topic-creation";
import { retryRetriable } from "../kafka/kafka-retries";
import { partitionOfKey } from "../kafka/key-partition";
import { produceRecordBatches } from "./raw-produce";
import { RecordBatchBuilder } from "./record-batch";
import { TOPICS, type TopicKind } from "../dataset/topics";
import type { RegistryConnection } from "../decoding/registry-lookup";
import type { ValueFormat } from "./event-schemas";
import { prepareValueEncoding } from "./value-encoding";

export interface BulkProduceOptions {
  brokers: string[];
  /** Which dataset to generate. */
  topic: TopicKind;
  /** Where to write it; defaults to the dataset's own topic name. */
  targetTopic?: string;
  count: number;
  seed: number;
  /** First event index (default 0), so a bulk run can extend an existing topic. */
  startIndex?: number;
  /** Called about every 200 ms, and at the end, with the events acknowledged so far. */
  onProgress?: (progress: { produced: number; count: number; elapsedMs: number }) => void;
  /** Largest record batch in bytes (default 900 KB, under the broker's 1 MB message.max.bytes). */
  batchBytes?: number;
  /** Produce requests in flight at once (default 4). */
  concurrency?: number;
  /** Value format (default json); avro and protobuf register `<targetTopic>-value` in `registry` first. */
  format?: ValueFormat;
  registry?: RegistryConnection;
}

export interface BulkProduceResult {
  produced: number;
  elapsedMs: number;
}

interface PartitionRoute {
  leader: Connection;
}

/**
 * Benchmark mode: produces `count` events of one dataset as fast as the broker takes them, with the
 * same keys, values and partitions as the live generator (same seed, same data, same partition
 * order). Throughput first: record batches are encoded straight from the generated strings into
 * ~1 MB buffers (no per-message objects), sent with leader-only acks, no compression, not
 * idempotent, several produce requests in flight while the next batch is being encoded.
 */
export async function bulkProduce(options: BulkProduceOptions): Promise<BulkProduceResult> {
  if (!Number.isSafeInteger(options.count) || options.count < 0) {
    throw new FomoError("bad_request:bulk_count", `count must be a non-negative integer (got ${options.count})`);
  }
  const targetTopic = options.targetTopic ?? TOPICS[options.topic].name;
  const startIndex = options.startIndex ?? 0;
  const batchBytes = options.batchBytes ?? 900_000;
  const concurrency = options.concurrency ?? 4;
  const encoding = await prepareValueEncoding({
    format: options.format ?? "json",
    registry: options.registry,
    topics: { [options.topic]: targetTopic },
    kinds: [options.topic],
    retryForMs: 10_000,
  });

  const connections = new Map<number, Connection>();
  const routes: PartitionRoute[] = [];
  const admin = createKafka(options.brokers, "fomo-bulk-admin").admin();
  try {
    await admin.connect();
    await ensureTopic(admin, targetTopic, TOPICS[options.topic].partitions);
    const metadata = await retryRetriable(async () => {
      const topic = (await admin.fetchTopicMetadata({ topics: [targetTopic] })).topics[0];
      if (!topic || topic.partitions.some((partition) => partition.leader < 0)) {
        throw Object.assign(new Error(`no leader yet for every partition of ${targetTopic}`), { retriable: true });
      }
      return topic;
    });
    const cluster = await admin.describeCluster();
    for (const partition of [...metadata.partitions].sort((a, b) => a.partitionId - b.partitionId)) {
      let leader = connections.get(partition.leader);
      if (!leader) {
        const broker = cluster.brokers.find((candidate) => candidate.nodeId === partition.leader);
        if (!broker)
          throw new Error(`leader ${partition.leader} of ${targetTopic}/${partition.partitionId} is not in the cluster metadata`);
        leader = await openBrokerConnection(broker.host, broker.port, "fomo-bulk-producer");
        connections.set(partition.leader, leader);
      }
      routes[partition.partitionId] = { leader };
    }
  } catch (error) {
    await Promise.all([...connections.values()].map((connection) => connection.close().catch(() => {})));
    throw new FomoError("unavailable:kafka", `bulk produce could not prepare topic '${targetTopic}': ${toFomoError(error).message}`, {
      cause: error,
      canRetry: true,
    });
  } finally {
    await admin.disconnect().catch(() => {});
  }

  const partitions = routes.length;
  const partitionOf = new Map<string, number>();
  const builders: RecordBatchBuilder[] = Array.from({ length: partitions }, () => new RecordBatchBuilder(batchBytes));
  const started = performance.now();
  let produced = 0;
  let lastProgress = 0;
  let failure: unknown;
  const inFlight = new Set<Promise<void>>();
  const report = () => options.onProgress?.({ produced, count: options.count, elapsedMs: performance.now() - started });

  const send = async (partition: number, builder: RecordBatchBuilder): Promise<void> => {
    const records = builder.records;
    const request: Promise<void> = produceRecordBatches(routes[partition]!.leader, targetTopic, [[partition, builder.finish()]])
      .then(
        () => {
          produced += records;
          const now = performance.now();
          if (now - lastProgress >= 200) {
            lastProgress = now;
            report();
          }
        },
        (error: unknown) => {
          failure ??= error;
        },
      )
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
  };

  try {
    for (let i = 0; i < options.count && failure === undefined; i++) {
      const { key, value } = encoding.messageAt(options.topic, options.seed, startIndex + i);
      let partition = partitionOf.get(key);
      if (partition === undefined) {
        partition = partitionOfKey(Buffer.from(key), partitions);
        partitionOf.set(key, partition);
      }
      if (!builders[partition]!.tryAppend(key, value)) {
        await send(partition, builders[partition]!);
        builders[partition] = new RecordBatchBuilder(batchBytes);
        if (!builders[partition]!.tryAppend(key, value)) throw new Error(`a single message exceeds the ${batchBytes}-byte batch size`);
      }
    }
    for (const [partition, builder] of builders.entries()) {
      if (builder.records > 0 && failure === undefined) await send(partition, builder);
    }
    await Promise.all(inFlight);
    if (failure !== undefined) throw failure;
    report();
    return { produced, elapsedMs: performance.now() - started };
  } catch (error) {
    throw new FomoError(
      "unavailable:kafka",
      `bulk produce to '${targetTopic}' failed after ${produced} messages: ${toFomoError(error).message}`,
      {
        cause: error,
        canRetry: true,
      },
    );
  } finally {
    await Promise.all([...inFlight]).catch(() => {});
    await Promise.all([...connections.values()].map((connection) => connection.close().catch(() => {})));
  }
}
