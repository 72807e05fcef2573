import { type IHeaders, createKafka } from "../../server/kafka/kafkajs-client";
import { highWatermarks, readTopic } from "./topic-reader";

/** The dead-letter topic as the suite sees it: the source coordinates each letter names, counted. */
export interface DeadLetterCensus {
  letters: number;
  /** "partition:offset" of the source message → how many letters name it. */
  bySource: Map<string, number>;
  /** Letters whose coordinate headers are missing, repeated or not about `purchases`. */
  unreadable: string[];
  largestBytes: number;
}

const headerText = (value: IHeaders[string]): string | undefined => {
  if (value === undefined || Array.isArray(value)) return undefined;
  return value.toString();
};

export async function readDeadLetters(brokers: string[], dlqTopic: string, sourceTopic = "purchases"): Promise<DeadLetterCensus> {
  const census: DeadLetterCensus = { letters: 0, bySource: new Map(), unreadable: [], largestBytes: 0 };
  const until = await highWatermarks(brokers, dlqTopic);
  await readTopic(brokers, dlqTopic, until, (message) => {
    census.letters += 1;
    census.largestBytes = Math.max(census.largestBytes, (message.value?.length ?? 0) + (message.key?.length ?? 0));
    const topic = headerText(message.headers["fomo.dlq.topic"]);
    const partition = headerText(message.headers["fomo.dlq.partition"]);
    const offset = headerText(message.headers["fomo.dlq.offset"]);
    if (topic !== sourceTopic || partition === undefined || offset === undefined || !/^\d+$/.test(partition) || !/^\d+$/.test(offset)) {
      if (census.unreadable.length < 10)
        census.unreadable.push(`letter ${message.partition}:${message.offset} (topic ${topic}, partition ${partition}, offset ${offset})`);
      return;
    }
    const source = `${partition}:${offset}`;
    census.bySource.set(source, (census.bySource.get(source) ?? 0) + 1);
  });
  return census;
}

/** The largest value the topic accepts, from the broker (max.message.bytes), not assumed. */
export async function topicMaxMessageBytes(brokers: string[], topic: string): Promise<number> {
  const admin = createKafka(brokers, "fomo-chaos-config").admin();
  await admin.connect();
  try {
    const described = await admin.describeConfigs({
      resources: [{ type: 2, name: topic, configNames: ["max.message.bytes"] }],
      includeSynonyms: false,
    });
    const value = described.resources[0]?.configEntries.find((entry) => entry.configName === "max.message.bytes")?.configValue;
    return Number(value ?? 1_048_588);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
