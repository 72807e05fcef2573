import { createExplorerKafka } from "../../explorer/explorer-kafka";
import { readTopicLayouts } from "../../explorer/partition-watermarks";
import { fetchPartitions } from "../../explorer/record-fetch";

export interface ReadDeadLetter {
  offset: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

/** Every record of a (test's) dead-letter topic up to its current end, headers as strings. */
export async function readDeadLetterTopic(brokers: string[], dlqTopic: string): Promise<ReadDeadLetter[]> {
  const kafka = createExplorerKafka(brokers, "dlq-test-reader");
  try {
    const [layout] = await readTopicLayouts(kafka, [{ name: dlqTopic, internal: false }]);
    if (!layout) throw new Error(`no topic ${dlqTopic}`);
    const letters: ReadDeadLetter[] = [];
    const positions = new Map(
      layout.partitions.filter((p) => p.highWatermark > p.logStartOffset).map((p) => [p.partition, p.logStartOffset]),
    );
    const end = new Map(layout.partitions.map((p) => [p.partition, p.highWatermark]));
    while (positions.size > 0) {
      for (const result of await fetchPartitions(kafka, layout, positions)) {
        for (const record of result.records) {
          if (record.offset >= (end.get(result.partition) ?? 0)) continue;
          const headers = Object.fromEntries(record.headers.map(([name, value]) => [name?.toString() ?? "", value?.toString() ?? ""]));
          letters.push({ offset: record.offset, key: record.key, value: record.value, headers });
        }
        if (result.nextOffset >= (end.get(result.partition) ?? 0)) positions.delete(result.partition);
        else positions.set(result.partition, result.nextOffset);
      }
    }
    return letters;
  } finally {
    await kafka.close();
  }
}
