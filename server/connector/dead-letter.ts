import type { Producer } from "kafkajs";

/** A message the connector could not load, with where it came from and why. */
export interface DeadLetter {
  partition: number;
  offset: number;
  key: Buffer | null;
  value: Buffer | null;
  timestamp: string;
  reason: string;
}

export const DLQ_HEADERS = {
  reason: "fomo.dlq.reason",
  topic: "fomo.dlq.topic",
  partition: "fomo.dlq.partition",
  offset: "fomo.dlq.offset",
} as const;

/**
 * Copies dead letters to the DLQ topic, original key and value untouched, the reason and source
 * coordinates in headers. Called before the flush transaction that moves past them, so a crash in
 * between re-sends them (at least once for the DLQ; the warehouse stays exactly once).
 */
export async function sendDeadLetters(producer: Producer, dlqTopic: string, sourceTopic: string, letters: DeadLetter[]): Promise<void> {
  if (letters.length === 0) return;
  await producer.send({
    topic: dlqTopic,
    acks: -1,
    messages: letters.map((letter) => ({
      key: letter.key,
      value: letter.value,
      timestamp: letter.timestamp,
      headers: {
        [DLQ_HEADERS.reason]: letter.reason,
        [DLQ_HEADERS.topic]: sourceTopic,
        [DLQ_HEADERS.partition]: String(letter.partition),
        [DLQ_HEADERS.offset]: String(letter.offset),
      },
    })),
  });
}
