import type { DeadLetterSummary } from "../../lib/api/explorer";
import { toFomoError } from "../../lib/errors";
import type { RegistryConnection } from "../decoding/registry-lookup";
import { ValueDecoder } from "../decoding/value-decoder";
import { readClusterSnapshot, type ClusterSnapshot } from "./cluster-snapshot";
import { readDeadLetterReasons } from "./dead-letter-reasons";
import { createExplorerKafka, type ExplorerKafka } from "./explorer-kafka";
import { SnapshotHistory } from "./snapshot-history";
import { StreamLimiter } from "./stream-limiter";

export interface ExplorerRuntimeOptions {
  brokers: string[];
  deadLetterTopic: string;
  maxConcurrentStreams: number;
  /** The Schema Registry that resolves Confluent-framed keys and values; without one they show as `no-registry`. */
  registry?: RegistryConnection;
  /** Background sampling interval while someone looks at the explorer. */
  sampleEveryMs?: number;
  /** Sampling stops this long after the last request (no one watching, no Kafka traffic). */
  idleAfterMs?: number;
  /**
   * How long the last good snapshot may stand in for a reading Kafka did not answer. A broker
   * hiccup (a coordinator moving, a slow reply on a loaded laptop) then shows slightly older
   * figures flagged as such instead of an error; a broker that stays down still surfaces as 503.
   */
  serveStaleForMs?: number;
}

const RETRY_AFTER_MS = 500;

/**
 * The explorer's long-lived state in one web server: the Kafka clients, the value decoder, the
 * latest cluster snapshot, the history of snapshots (rates, lag over time) and the tail/search limiter.
 * Snapshots are shared by every request, so ten open browser tabs cost one reading per interval.
 */
export class ExplorerRuntime {
  readonly kafka: ExplorerKafka;
  readonly history = new SnapshotHistory();
  readonly limiter: StreamLimiter;
  /** One decoder for every tail and search, so a schema is fetched from the registry once per web server. */
  readonly decoder: ValueDecoder;
  private latest: ClusterSnapshot | undefined;
  private reading: Promise<ClusterSnapshot> | undefined;
  private deadLetter: { key: string; at: number; summary: DeadLetterSummary } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastDemandAt = 0;

  constructor(private readonly options: ExplorerRuntimeOptions) {
    this.kafka = createExplorerKafka(options.brokers);
    this.limiter = new StreamLimiter(options.maxConcurrentStreams);
    this.decoder = new ValueDecoder({ registry: options.registry });
  }

  get deadLetterTopic(): string {
    return this.options.deadLetterTopic;
  }

  /** A snapshot no older than `maxAgeMs`; concurrent callers share one reading. */
  async snapshot(maxAgeMs = 1_000, { background = false } = {}): Promise<ClusterSnapshot> {
    // Background readings must not count as someone watching.
    if (!background) this.markDemand();
    if (this.latest && Date.now() - this.latest.at <= maxAgeMs) return this.latest;
    this.reading ??= this.readOrFallBack().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  private async readOrFallBack(): Promise<ClusterSnapshot> {
    try {
      return await this.readAndRecord();
    } catch (error) {
      const failure = toFomoError(error);
      // Only what may succeed when tried again: a closed client or a bug must not hide behind old data.
      if (!failure.canRetry) throw failure;
      const last = this.latest;
      const staleLimit = this.options.serveStaleForMs ?? 30_000;
      if (last && Date.now() - last.at <= staleLimit) return { ...last, staleBecause: failure.message };
      // No recent reading to stand in (the first page after a quiet spell): one more try before
      // the error reaches the page.
      await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_MS));
      return this.readAndRecord();
    }
  }

  private async readAndRecord(): Promise<ClusterSnapshot> {
    const snapshot = await readClusterSnapshot(this.kafka, this.latest);
    this.latest = snapshot;
    this.history.record(snapshot);
    return snapshot;
  }

  /** Dead-letter reasons, re-read only when the dead-letter topic grew (and at most every 5 s). */
  async deadLetterSummary(snapshot: ClusterSnapshot): Promise<DeadLetterSummary> {
    const topic = this.options.deadLetterTopic;
    const layout = snapshot.topics.find((t) => t.name === topic);
    const key = layout ? layout.partitions.map((p) => `${p.logStartOffset}-${p.highWatermark}`).join(",") : "absent";
    const cached = this.deadLetter;
    if (cached && (cached.key === key || Date.now() - cached.at < 5_000)) return cached.summary;
    try {
      const summary = await readDeadLetterReasons(this.kafka, topic, layout);
      this.deadLetter = { key, at: Date.now(), summary };
      return summary;
    } catch (error) {
      // The reasons are a side panel of the topics page: a failed read keeps the last ones
      // rather than failing the whole page; with none yet, the error is the answer.
      if (cached) return cached.summary;
      throw error;
    }
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.kafka.close();
  }

  private markDemand(): void {
    this.lastDemandAt = Date.now();
    if (this.timer) return;
    const every = this.options.sampleEveryMs ?? 2_000;
    const idleAfter = this.options.idleAfterMs ?? 120_000;
    this.timer = setInterval(() => {
      if (Date.now() - this.lastDemandAt > idleAfter) {
        clearInterval(this.timer);
        this.timer = undefined;
        return;
      }
      // A failed background reading is not an error anyone waits for; the next request reports it.
      this.snapshot(every / 2, { background: true }).catch(() => undefined);
    }, every);
    this.timer.unref();
  }
}
