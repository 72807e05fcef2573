import { type IHeaders, createKafka } from "../../server/kafka/kafkajs-client";

/**
 * An independent read of a topic, straight from the broker (not through the engine or the
 * connector): every message from the log start up to `until` (exclusive) per partition.
 */
export interface ReadMessage {
  partition: number;
  offset: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: IHeaders;
}

export async function highWatermarks(brokers: string[], topic: string): Promise<Map<number, number>> {
  const admin = createKafka(brokers, "fomo-chaos-offsets").admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return new Map(offsets.map((entry) => [entry.partition, Number(entry.high)]));
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export async function readTopic(
  brokers: string[],
  topic: string,
  until: Map<number, number>,
  onMessage: (message: ReadMessage) => void,
  timeoutMs = 120_000,
): Promise<void> {
  const pending = new Map([...until].filter(([, end]) => end > 0));
  if (pending.size === 0) return;
  const groupId = `fomo-chaos-reader-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const kafka = createKafka(brokers, "fomo-chaos-reader");
  const consumer = kafka.consumer({ groupId, maxBytes: 16 * 1024 * 1024, maxBytesPerPartition: 4 * 1024 * 1024 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `reading ${topic} up to ${JSON.stringify([...until])} took over ${timeoutMs / 1000} s; still missing ${JSON.stringify([...pending])}`,
            ),
          ),
        timeoutMs,
      );
      consumer
        .run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            const end = pending.get(batch.partition);
            if (end === undefined) return;
            for (const message of batch.messages) {
              const offset = Number(message.offset);
              if (offset >= end) break;
              onMessage({ partition: batch.partition, offset, key: message.key, value: message.value, headers: message.headers ?? {} });
              if (offset === end - 1) pending.delete(batch.partition);
            }
            if (Number(batch.highWatermark) >= end && batch.messages.length > 0 && Number(batch.lastOffset()) >= end - 1)
              pending.delete(batch.partition);
            if (pending.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect().catch(() => undefined);
    const admin = kafka.admin();
    await admin
      .connect()
      .then(() => admin.deleteGroups([groupId]))
      .catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}
