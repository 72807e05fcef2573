import type { LagSample } from "../../lib/api/explorer";
import { groupPartitionLags, totalLag, type ClusterSnapshot } from "./cluster-snapshot";

interface TopicSample {
  at: number;
  highWatermarkSum: number;
}

/** How far back a produce rate looks: long enough to smooth a trickle of a few messages/s. */
const RATE_WINDOW_MS = 10_000;

/**
 * Short ring buffers of past snapshots: the produce rate of each topic (from successive high
 * watermark sums) and the lag of each group over time. Bounded by `capacity` samples per key.
 */
export class SnapshotHistory {
  private readonly topicSamples = new Map<string, TopicSample[]>();
  private readonly lagSamples = new Map<string, LagSample[]>();

  constructor(private readonly capacity = 300) {}

  record(snapshot: ClusterSnapshot): void {
    for (const topic of snapshot.topics) {
      const highWatermarkSum = topic.partitions.reduce((sum, p) => sum + p.highWatermark, 0);
      this.push(this.topicSamples, topic.name, { at: snapshot.at, highWatermarkSum });
    }
    const at = new Date(snapshot.at).toISOString();
    for (const group of snapshot.groups) {
      this.push(this.lagSamples, group.groupId, { at, lag: totalLag(groupPartitionLags(snapshot, group)) });
    }
    this.forgetMissing(this.topicSamples, new Set(snapshot.topics.map((t) => t.name)));
    this.forgetMissing(this.lagSamples, new Set(snapshot.groups.map((g) => g.groupId)));
  }

  /** Messages per second over the last ~10 s, or null before two samples exist. */
  producePerSec(topic: string): number | null {
    const samples = this.topicSamples.get(topic);
    const newest = samples?.at(-1);
    if (!samples || !newest) return null;
    // The oldest sample in the window; after a quiet spell (no one watching), the one before the newest.
    const oldest = samples.find((s) => newest.at - s.at <= RATE_WINDOW_MS && s !== newest) ?? samples.at(-2);
    if (!oldest || newest.at - oldest.at < 500) return null;
    const produced = Math.max(0, newest.highWatermarkSum - oldest.highWatermarkSum);
    return produced / ((newest.at - oldest.at) / 1000);
  }

  lagHistory(groupId: string): LagSample[] {
    return [...(this.lagSamples.get(groupId) ?? [])];
  }

  private push<T extends { at: number | string }>(map: Map<string, T[]>, key: string, sample: T): void {
    const samples = map.get(key) ?? [];
    const last = samples.at(-1);
    if (last && last.at === sample.at) samples[samples.length - 1] = sample;
    else samples.push(sample);
    if (samples.length > this.capacity) samples.splice(0, samples.length - this.capacity);
    map.set(key, samples);
  }

  private forgetMissing(map: Map<string, unknown[]>, present: Set<string>): void {
    for (const key of map.keys()) if (!present.has(key)) map.delete(key);
  }
}
