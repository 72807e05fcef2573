import type { ExplorerKafka } from "./explorer-kafka";
import type { RawRecord } from "./explorer-message";
import type { TopicLayout } from "./partition-watermarks";
import { fetchPartitions, DEFAULT_FETCH_BOUNDS, type FetchBounds } from "./record-fetch";

/** Offsets [from, until) of one partition. */
export interface PartitionRange {
  partition: number;
  from: number;
  until: number;
}

export interface ScanOptions {
  /** Stop after this many messages in total (the scan never reads more into memory). */
  maxMessages: number;
  signal?: AbortSignal;
  bounds?: FetchBounds;
  /** Called once per fetch round with that round's records, in offset order per partition. */
  onRecords(records: RawRecord[]): void | Promise<void>;
}

export type ScanEnd = "range_end" | "message_cap" | "aborted";

/** Rounds without progress after which a partition is treated as exhausted (e.g. compacted gaps). */
const MAX_IDLE_ROUNDS = 3;

/**
 * Reads the given offset ranges of a topic round by round (one bounded Fetch per leader per
 * round), handing each round's records to `onRecords`. Memory stays at one round's worth.
 */
export async function scanRanges(
  kafka: ExplorerKafka,
  layout: TopicLayout,
  ranges: PartitionRange[],
  options: ScanOptions,
): Promise<{ scanned: number; end: ScanEnd }> {
  const open = new Map(ranges.filter((r) => r.until > r.from).map((r) => [r.partition, { ...r, idleRounds: 0 }]));
  let scanned = 0;
  while (open.size > 0) {
    if (options.signal?.aborted) return { scanned, end: "aborted" };
    if (scanned >= options.maxMessages) return { scanned, end: "message_cap" };
    const positions = new Map([...open.values()].map((r) => [r.partition, r.from]));
    const results = await fetchPartitions(kafka, layout, positions, options.bounds ?? DEFAULT_FETCH_BOUNDS);
    const round: RawRecord[] = [];
    for (const result of results) {
      const range = open.get(result.partition);
      if (!range) continue;
      const inRange = result.records.filter((r) => r.offset < range.until);
      const room = options.maxMessages - scanned - round.length;
      round.push(...inRange.slice(0, Math.max(0, room)));
      const progressed = result.nextOffset > range.from;
      range.from = Math.max(range.from, result.nextOffset, result.logStartOffset);
      range.idleRounds = progressed ? 0 : range.idleRounds + 1;
      const exhausted = range.from >= range.until || range.from >= result.highWatermark || range.idleRounds >= MAX_IDLE_ROUNDS;
      if (exhausted) open.delete(result.partition);
    }
    scanned += round.length;
    if (round.length > 0) await options.onRecords(round);
  }
  return { scanned, end: scanned >= options.maxMessages ? "message_cap" : "range_end" };
}
