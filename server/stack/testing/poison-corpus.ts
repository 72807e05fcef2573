import { type IHeaders, type Message, createKafka } from "../../kafka/kafkajs-client";
import { mulberry32, randomFor } from "../../dataset/prng";
import { POISON_CLASSES, type PoisonMessage } from "./poison-classes";

export type { PoisonMessage } from "./poison-classes";

/**
 * A deterministic corpus of malformed and odd `purchases` messages (the same seed gives the same
 * bytes), and the producer that writes it while recording where each message landed, so a test can
 * say exactly which coordinates the dead-letter topic must hold and which rows the warehouse gets.
 */
export interface PoisonCorpusOptions {
  seed: number;
  /** Messages in the corpus (at least one per class). */
  size: number;
  /** Size of the "about 1 MB" values; keep it under the topic's max.message.bytes. */
  hugeValueBytes: number;
}

/** The random stream of poison, apart from the generator's streams of the same seed. */
const POISON_STREAM = 90;

export function poisonCorpus(options: PoisonCorpusOptions): PoisonMessage[] {
  const scale = Math.min(1, options.size / 1_000);
  const fixedCounts = POISON_CLASSES.map((poisonClass) =>
    poisonClass.fixed === undefined ? undefined : Math.max(1, Math.round(poisonClass.fixed * scale)),
  );
  const fixedTotal = fixedCounts.reduce<number>((sum, count) => sum + (count ?? 0), 0);
  const weighted = POISON_CLASSES.filter((poisonClass) => poisonClass.fixed === undefined);
  const totalWeight = weighted.reduce((sum, poisonClass) => sum + poisonClass.weight, 0);
  const remaining = Math.max(options.size - fixedTotal, weighted.length);
  const counts = POISON_CLASSES.map(
    (poisonClass, index) => fixedCounts[index] ?? Math.max(1, Math.floor((remaining * poisonClass.weight) / totalWeight)),
  );
  // Rounding down leaves a few over: give them to the classes in order, so the size is exact.
  let shortBy = Math.max(0, options.size - counts.reduce((sum, count) => sum + count, 0));
  for (let index = 0; shortBy > 0; index = (index + 1) % counts.length) {
    if (POISON_CLASSES[index]!.fixed !== undefined) continue;
    counts[index]! += 1;
    shortBy -= 1;
  }

  const messages: PoisonMessage[] = [];
  POISON_CLASSES.forEach((poisonClass, classIndex) => {
    for (let n = 0; n < counts[classIndex]!; n++) {
      const random = randomFor(options.seed, POISON_STREAM, classIndex * 1_000_003 + n);
      messages.push(poisonClass.build({ random, hugeValueBytes: options.hugeValueBytes }));
    }
  });
  // Interleave the classes (Fisher-Yates on the seed), as a real bad producer would.
  const shuffle = mulberry32(options.seed ^ 0x5eed);
  for (let index = messages.length - 1; index > 0; index--) {
    const other = Math.floor(shuffle() * (index + 1));
    [messages[index], messages[other]] = [messages[other]!, messages[index]!];
  }
  return messages;
}

export interface ProducedPoison extends PoisonMessage {
  partition: number;
  offset: number;
}

/** Per-partition bytes in one produce request: far below the broker's 1 MiB record-batch limit. */
const BATCH_BYTES = 256 * 1024;

const sizeOf = (message: PoisonMessage) =>
  (message.key?.length ?? 0) +
  (message.value?.length ?? 0) +
  Object.entries(message.headers ?? {}).reduce((sum, [name, value]) => sum + name.length + value.length, 0);

/**
 * Produces the corpus to `topic`, round-robin over its partitions, and returns each message with
 * its coordinates. Messages of one request and partition form one record batch, so their offsets
 * are contiguous from the base offset the broker returns, whatever else is being produced.
 */
export async function producePoison(
  brokers: string[],
  topic: string,
  corpus: PoisonMessage[],
  partitions: number,
): Promise<ProducedPoison[]> {
  const producer = createKafka(brokers, "fomo-poison-producer").producer({ allowAutoTopicCreation: false, maxInFlightRequests: 1 });
  await producer.connect();
  const produced: ProducedPoison[] = [];
  try {
    let batch: Array<{ message: PoisonMessage; partition: number }> = [];
    let batchBytes = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const sent = batch;
      batch = [];
      batchBytes = 0;
      const metadata = await producer.send({
        topic,
        acks: -1,
        messages: sent.map(({ message, partition }): Message => ({
          key: message.key,
          value: message.value,
          headers: message.headers as IHeaders | undefined,
          partition,
        })),
      });
      const nextOffset = new Map(metadata.map((entry) => [entry.partition, Number(entry.baseOffset)]));
      for (const { message, partition } of sent) {
        const offset = nextOffset.get(partition);
        if (offset === undefined) throw new Error(`poison: the broker returned no offset for partition ${partition} of ${topic}`);
        nextOffset.set(partition, offset + 1);
        produced.push({ ...message, partition, offset });
      }
    };
    for (const [index, message] of corpus.entries()) {
      const bytes = sizeOf(message);
      if (batchBytes + bytes > BATCH_BYTES) await flush();
      batch.push({ message, partition: index % partitions });
      batchBytes += bytes;
    }
    await flush();
  } finally {
    await producer.disconnect().catch(() => undefined);
  }
  return produced;
}
