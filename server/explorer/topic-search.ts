import type { ExplorerMessage, SearchDone, SearchProgress, SearchRequest } from "../../lib/api/explorer";
import { FomoError } from "../../lib/errors";
import type { ExplorerKafka } from "./explorer-kafka";
import { kafkaError } from "./explorer-kafka";
import type { ValueDecoder } from "../decoding/value-decoder";
import { decodeRecords, searchableText, toExplorerMessage, type DecodedRecord, type RawRecord } from "./explorer-message";
import type { TopicLayout } from "./partition-watermarks";
import { scanRanges, type PartitionRange } from "./range-scan";

/** Most matches one search sends to the browser; the search stops there. */
export const MAX_SEARCH_MATCHES = 500;

export interface SearchCallbacks {
  signal: AbortSignal;
  /** The runtime's one decoder: values (and keys) are matched as decoded, not as raw bytes. */
  decoder: ValueDecoder;
  onProgress(progress: SearchProgress): void;
  onMatches(messages: ExplorerMessage[]): void;
}

async function offsetsForTime(kafka: ExplorerKafka, layout: TopicLayout, isoTime: string): Promise<Map<number, number>> {
  const timestamp = new Date(isoTime).getTime();
  try {
    // kafkajs gives the high watermark for a partition with nothing at or after the time.
    const listed = await kafka.withAdmin((admin) => admin.fetchTopicOffsetsByTimestamp(layout.name, timestamp), [layout.name]);
    return new Map(listed.map((p) => [p.partition, Number(p.offset)]));
  } catch (cause) {
    throw kafkaError(cause, `finding offsets at ${isoTime}`, layout.name);
  }
}

/**
 * Offset ranges a search reads, ending at the high watermarks read when it started (messages
 * arriving later are not searched, so the range is fixed and the progress bar is honest).
 */
export async function planSearchRanges(kafka: ExplorerKafka, layout: TopicLayout, request: SearchRequest): Promise<PartitionRange[]> {
  const start = request.start;
  const clamp = (p: TopicLayout["partitions"][number], from: number): PartitionRange => ({
    partition: p.partition,
    from: Math.min(Math.max(from, p.logStartOffset), p.highWatermark),
    until: p.highWatermark,
  });
  switch (start.kind) {
    case "beginning":
      return layout.partitions.map((p) => clamp(p, p.logStartOffset));
    case "offset": {
      if (start.partition !== undefined && !layout.partitions[start.partition]) {
        throw new FomoError("bad_request:partition", `Topic "${layout.name}" has no partition ${start.partition}`);
      }
      return layout.partitions
        .filter((p) => start.partition === undefined || p.partition === start.partition)
        .map((p) => clamp(p, start.offset));
    }
    case "time": {
      const offsets = await offsetsForTime(kafka, layout, start.timestamp);
      return layout.partitions.map((p) => {
        const offset = offsets.get(p.partition) ?? -1;
        return clamp(p, offset < 0 ? p.highWatermark : offset);
      });
    }
    case "newest": {
      const shares = newestShares(layout, request.maxMessages);
      return layout.partitions.map((p, i) => clamp(p, p.highWatermark - (shares[i] ?? 0)));
    }
  }
}

/**
 * How many of its newest messages each partition contributes to a "newest" search: the cap spread
 * in proportion to what each holds (largest remainders), summing to at most the cap.
 */
function newestShares(layout: TopicLayout, cap: number): number[] {
  const sizes = layout.partitions.map((p) => Math.max(0, p.highWatermark - p.logStartOffset));
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total <= cap) return sizes;
  const exact = sizes.map((size) => (cap * size) / total);
  const shares = exact.map(Math.floor);
  let left = cap - shares.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((value, i) => ({ i, rest: value - Math.floor(value) })).sort((a, b) => b.rest - a.rest);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left -= 1;
  }
  return shares;
}

/**
 * Which records of a round match, decoded: key search = the key's bytes or its decoded text equal
 * the text (an Avro string key matches its string); value search = the decoded value as compact
 * JSON (or its plain text) contains the text, case-insensitive. Undecodable values never match.
 */
async function matchingRecords(request: SearchRequest, decoder: ValueDecoder, records: RawRecord[]): Promise<DecodedRecord[]> {
  if (request.field === "key") {
    const wanted = Buffer.from(request.text, "utf8");
    const keys = await Promise.all(records.map((r) => (r.key === null ? null : decoder.decode(r.key))));
    const found = records.filter(
      (r, i) => r.key !== null && (r.key.equals(wanted) || searchableText(r.key, keys[i] ?? null) === request.text),
    );
    // Only the matches need their values decoded.
    return decodeRecords(decoder, found);
  }
  const needle = request.text.toLowerCase();
  const decoded = await decodeRecords(decoder, records);
  return decoded.filter((d) => searchableText(d.record.value, d.value)?.toLowerCase().includes(needle) ?? false);
}

/**
 * Searches a bounded range of a topic by key (equal) or value text (contains, case-insensitive).
 * Reads at most `maxMessages`, reports progress each round, stops at MAX_SEARCH_MATCHES or when
 * `signal` aborts. Uses no consumer group.
 */
export async function searchTopic(
  kafka: ExplorerKafka,
  layout: TopicLayout,
  request: SearchRequest,
  callbacks: SearchCallbacks,
): Promise<SearchDone> {
  const startedAt = Date.now();
  const ranges = await planSearchRanges(kafka, layout, request);
  const inRanges = ranges.reduce((sum, r) => sum + (r.until - r.from), 0);
  const planned = Math.min(inRanges, request.maxMessages);
  const stopOnMatchCap = new AbortController();
  const signal = AbortSignal.any([callbacks.signal, stopOnMatchCap.signal]);
  let matched = 0;
  let scannedSoFar = 0;
  callbacks.onProgress({ scanned: 0, planned, matches: 0 });

  const { scanned } = await scanRanges(kafka, layout, ranges, {
    maxMessages: request.maxMessages,
    signal,
    async onRecords(records) {
      scannedSoFar += records.length;
      const found = (await matchingRecords(request, callbacks.decoder, records)).slice(0, MAX_SEARCH_MATCHES - matched);
      matched += found.length;
      if (found.length > 0) callbacks.onMatches(found.map(toExplorerMessage));
      callbacks.onProgress({ scanned: scannedSoFar, planned, matches: matched });
      if (matched >= MAX_SEARCH_MATCHES) stopOnMatchCap.abort();
    },
  });
  const reason =
    matched >= MAX_SEARCH_MATCHES ? "match_cap" : scanned >= request.maxMessages && inRanges > scanned ? "message_cap" : "range_end";
  return { scanned, planned, matches: matched, reason, elapsedMs: Date.now() - startedAt };
}
