import type { DeadLetter } from "./dead-letter";
import type { RowToLoad } from "./flush-transaction";

/** A consumed message waiting for the next flush: a row to insert or a letter for the DLQ. */
export type BufferedMessage =
  | { kind: "row"; partition: number; offset: number; timestampMs: number; row: RowToLoad }
  | { kind: "dead"; partition: number; offset: number; timestampMs: number; letter: DeadLetter };

export interface FlushBatch {
  messages: BufferedMessage[];
  rows: RowToLoad[];
  deadLetters: DeadLetter[];
  /** Per partition: one past the last message of the batch. */
  nextOffsets: Map<number, number>;
  newestTimestampMs: number | undefined;
}

/** Splits the messages taken for one flush into rows, dead letters and the offsets they reach. */
export function planBatch(messages: BufferedMessage[]): FlushBatch {
  const rows: RowToLoad[] = [];
  const deadLetters: DeadLetter[] = [];
  const nextOffsets = new Map<number, number>();
  let newestTimestampMs: number | undefined;
  for (const message of messages) {
    if (message.kind === "row") rows.push(message.row);
    else deadLetters.push(message.letter);
    nextOffsets.set(message.partition, Math.max(nextOffsets.get(message.partition) ?? 0, message.offset + 1));
    newestTimestampMs = Math.max(newestTimestampMs ?? 0, message.timestampMs);
  }
  return { messages, rows, deadLetters, nextOffsets, newestTimestampMs };
}
