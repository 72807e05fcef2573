import type { ExplorerMessage } from "../../lib/api/explorer";
import { abortableSleep } from "./abortable-sleep";
import type { ExplorerKafka } from "./explorer-kafka";
import type { ValueDecoder } from "../decoding/value-decoder";
import { explorerMessages, type RawRecord } from "./explorer-message";
import { readNewestRecords } from "./newest-messages";
import type { TopicLayout } from "./partition-watermarks";
import { fetchPartitions } from "./record-fetch";

export type TailEvent =
  | { type: "messages"; messages: ExplorerMessage[] }
  /** More arrived in one poll than a tail shows: the oldest of them were skipped, not read. */
  | { type: "skipped"; partition: number; count: number }
  | { type: "heartbeat"; at: string };

export interface TailOptions {
  signal: AbortSignal;
  emit(event: TailEvent): void;
  /** Turns keys and values into what the card shows (the runtime's one decoder, with its schema cache). */
  decoder: ValueDecoder;
  /** Newest messages sent first, before live ones. */
  initialMessages?: number;
  pollMs?: number;
  /** Most messages read per partition per poll; beyond that the tail jumps ahead. */
  maxPerPoll?: number;
  heartbeatMs?: number;
}

const TAIL_FETCH_BOUNDS = { maxBytes: 1024 * 1024, partitionMaxBytes: 256 * 1024 };

/**
 * Follows a topic until `signal` aborts: first the newest messages, then every new one, polled
 * with bounded group-less fetches. Returns when aborted; throws FomoError on Kafka failures.
 */
export async function liveTail(kafka: ExplorerKafka, layout: TopicLayout, options: TailOptions): Promise<void> {
  const { signal, emit } = options;
  const pollMs = options.pollMs ?? 500;
  const maxPerPoll = options.maxPerPoll ?? 200;
  const heartbeatMs = options.heartbeatMs ?? 15_000;

  const initial = await readNewestRecords(kafka, layout, options.initialMessages ?? 50, signal);
  if (signal.aborted) return;
  emit({ type: "messages", messages: await explorerMessages(options.decoder, initial) });

  const positions = new Map(layout.partitions.map((p) => [p.partition, p.highWatermark]));
  let lastEmitAt = Date.now();
  while (!signal.aborted) {
    await abortableSleep(pollMs, signal);
    if (signal.aborted) return;
    const results = await fetchPartitions(kafka, layout, positions, TAIL_FETCH_BOUNDS);
    const fresh: RawRecord[] = [];
    for (const result of results) {
      const position = positions.get(result.partition) ?? result.highWatermark;
      const behind = result.highWatermark - position;
      if (behind > maxPerPoll) {
        positions.set(result.partition, result.highWatermark - maxPerPoll);
        emit({ type: "skipped", partition: result.partition, count: behind - maxPerPoll });
        continue;
      }
      fresh.push(...result.records);
      positions.set(result.partition, Math.max(result.nextOffset, result.logStartOffset));
    }
    if (fresh.length > 0) {
      const messages = await explorerMessages(options.decoder, fresh);
      if (signal.aborted) return;
      emit({ type: "messages", messages });
      lastEmitAt = Date.now();
    } else if (Date.now() - lastEmitAt >= heartbeatMs) {
      emit({ type: "heartbeat", at: new Date().toISOString() });
      lastEmitAt = Date.now();
    }
  }
}
