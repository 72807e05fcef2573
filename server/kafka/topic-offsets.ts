import type { Admin } from "./kafkajs-client";
import { retryRetriable } from "./kafka-retries";

/** Number of partitions of `topic` (from metadata; needs no partition leader). */
export async function partitionCount(admin: Admin, topic: string): Promise<number> {
  const metadata = await retryRetriable(() => admin.fetchTopicMetadata({ topics: [topic] }));
  return metadata.topics[0]?.partitions.length ?? 0;
}

/** High watermark (next offset to be written) of every partition of `topic`. */
export async function highWatermarks(admin: Admin, topic: string): Promise<Map<number, bigint>> {
  const offsets = await retryRetriable(() => admin.fetchTopicOffsets(topic));
  return new Map(offsets.map((entry) => [entry.partition, BigInt(entry.high)]));
}

/**
 * How many messages were ever written to `topic`: the sum of its partitions' high watermarks.
 * Unlike "high minus log start" this does not shrink under retention, so it is the generator's
 * next event index.
 */
export async function messagesEverWritten(admin: Admin, topic: string): Promise<number> {
  let total = 0n;
  for (const high of (await highWatermarks(admin, topic)).values()) total += high;
  return Number(total);
}
