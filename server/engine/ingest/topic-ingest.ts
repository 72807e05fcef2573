import type { DuckDBConnection } from "@duckdb/node-api";
import type { ValueDecoder } from "../../decoding/value-decoder";
import { TopicTable } from "../store/topic-table";
import { decodeFetch, fetchRequestsByLeader, type FetchedBatch, type FetchRequestTopic } from "./fetch-batches";
import type { EngineKafkaClients } from "./kafka-clients";
import type { LeanFetchResponse } from "../../kafka/lean-fetch";
import { OffsetWaiters, type OffsetTargets } from "./offset-waiters";
import { isOffsetOutOfRange, resetOutOfRangePartitions } from "./partition-recovery";
import { redecodeWaitingRows } from "./redecode-waiting-rows";
import { SerialQueue } from "./serial-queue";
import type { TopicState } from "./topic-state";
import { isInternalTopic } from "./topic-visibility";

export type { OffsetTargets } from "./offset-waiters";

export interface TopicIngestOptions {
  clients: EngineKafkaClients;
  /** The only connection that writes to DuckDB. */
  writer: DuckDBConnection;
  /** server/decoding's decoder: every key and value goes through it. */
  decoder: ValueDecoder;
  /** How often rows waiting for the registry are decoded again (default 2 s). */
  redecodeIntervalMs?: number;
  topicFilter?: (topic: string) => boolean;
  metadataIntervalMs?: number;
  log?: (message: string) => void;
}

const FETCH_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Tails every visible topic into DuckDB. One fetch loop per engine (grouped by partition leader);
 * topic discovery every `metadataIntervalMs` picks up new, deleted and re-created topics and new
 * partitions. Offsets are kept by the engine, never committed to Kafka.
 */
export class TopicIngest {
  readonly topics = new Map<string, TopicState>();
  private readonly writes = new SerialQueue();
  private readonly waiters = new OffsetWaiters(this.topics);
  private running = false;
  private loops: Promise<void>[] = [];
  private wakeFetchLoop: (() => void) | undefined;
  /** The batch DuckDB is writing while the next fetch runs (a pipeline one batch deep). */
  private pendingWrite: Promise<void> = Promise.resolve();
  private lastRedecode = 0;
  lastError: string | undefined;
  brokerReachable = false;

  constructor(private readonly options: TopicIngestOptions) {}

  async start(): Promise<void> {
    this.running = true;
    await this.discoverTopics();
    this.loops = [this.fetchLoop(), this.discoveryLoop()];
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeFetchLoop?.();
    await Promise.allSettled(this.loops);
    await this.writes.run(async () => undefined);
  }

  /** Resolves once every target offset is ingested; false when the deadline passes first. */
  waitForOffsets(targets: OffsetTargets, timeoutMs: number): Promise<boolean> {
    return this.waiters.waitFor(targets, timeoutMs);
  }

  /** Waits until a topic the broker lists is known here (discovery runs now). */
  async refreshTopicsNow(): Promise<void> {
    await this.discoverTopics();
  }

  private notifyWaiters(): void {
    this.waiters.notify();
  }

  private log(message: string): void {
    this.options.log?.(message);
  }

  private async discoveryLoop(): Promise<void> {
    const interval = this.options.metadataIntervalMs ?? 2_000;
    while (this.running) {
      await sleep(interval);
      if (!this.running) break;
      try {
        await this.discoverTopics();
      } catch (error) {
        this.noteError("topic discovery failed", error);
      }
    }
  }

  private async discoverTopics(): Promise<void> {
    const { admin, offsets } = this.options.clients;
    const listed = await admin.listTopics({ includeInternals: false });
    this.brokerReachable = true;
    const wanted = listed.filter((topic) => !isInternalTopic(topic) && (this.options.topicFilter?.(topic) ?? true));
    const metadata = wanted.length > 0 ? await admin.metadata({ topics: wanted, forceUpdate: true }) : undefined;
    const earliest = wanted.length > 0 ? await offsets.listOffsets({ topics: wanted, timestamp: -2n }) : new Map<string, bigint[]>();

    await this.writes.run(async () => {
      for (const [topic, state] of this.topics) {
        const current = metadata?.topics.get(topic);
        if (!current || current.id !== state.topicId) {
          this.log(`topic ${topic} ${current ? "was re-created" : "was deleted"}: dropping its rows`);
          this.topics.delete(topic);
          await state.table.drop();
        }
      }
      for (const topic of wanted) {
        const current = metadata?.topics.get(topic);
        if (!current) continue;
        let state = this.topics.get(topic);
        if (!state) {
          const table = await TopicTable.create(this.options.writer, topic, (message) => this.log(message));
          state = {
            topic,
            topicId: current.id,
            table,
            partitions: [],
            ingestedMessages: 0,
            corruptMessages: 0,
            overflowMessages: 0,
            newestTimestampMs: null,
          };
          this.topics.set(topic, state);
          this.log(`tailing new topic ${topic} (${current.partitionsCount} partitions)`);
        }
        const starts = earliest.get(topic) ?? [];
        current.partitions.forEach((partitionMetadata, partition) => {
          const known = state.partitions[partition];
          if (known) {
            known.leader = partitionMetadata.leader;
            known.leaderEpoch = partitionMetadata.leaderEpoch;
            return;
          }
          const start = starts[partition] ?? 0n;
          state.partitions[partition] = {
            partition,
            leader: partitionMetadata.leader,
            leaderEpoch: partitionMetadata.leaderEpoch,
            nextOffset: start,
            fetchOffset: start,
            highWatermark: start,
            logStartOffset: start,
            deletedBelow: start,
          };
        });
      }
    });
    this.notifyWaiters();
    this.wakeFetchLoop?.();
  }

  private async fetchLoop(): Promise<void> {
    let failures = 0;
    while (this.running) {
      const requests = fetchRequestsByLeader(this.topics.values());
      if (requests.size === 0) {
        await new Promise<void>((resolve) => {
          this.wakeFetchLoop = resolve;
          setTimeout(resolve, 500);
        });
        continue;
      }
      const results = await Promise.allSettled([...requests].map(([node, topics]) => this.fetchFrom(node, topics)));
      const batches: FetchedBatch[] = [];
      let failure: unknown;
      for (const result of results) {
        if (result.status === "fulfilled") batches.push(...(await decodeFetch(this.topics.values(), result.value, this.options.decoder)));
        else failure ??= result.reason;
      }
      // DuckDB writes the previous batch while this one was fetched and decoded; then this one.
      await this.pendingWrite;
      this.pendingWrite = this.writes
        .run(() => this.applyBatches(batches))
        .then(
          () => this.notifyWaiters(),
          (error: unknown) => this.rewindAfterFailedWrite(error),
        );
      if (failure !== undefined) {
        await this.pendingWrite;
        failures += 1;
        this.brokerReachable = false;
        await this.handleFetchError(failure);
        await sleep(Math.min(2_000, 100 * 2 ** Math.min(failures, 5)));
      } else {
        failures = 0;
        this.brokerReachable = true;
      }
    }
    await this.pendingWrite;
  }

  private async fetchFrom(node: number, topics: FetchRequestTopic[]): Promise<LeanFetchResponse> {
    return this.options.clients.fetchAtOffsets(node, { maxWaitMs: 200, minBytes: 1, maxBytes: FETCH_MAX_BYTES, topics });
  }

  private async applyBatches(batches: FetchedBatch[]): Promise<void> {
    for (const { state, batch, advanced } of batches) {
      if (this.topics.get(state.topic) !== state) continue; // deleted or re-created meanwhile
      const { corrupt, overflow } = await state.table.append(batch);
      const { rows } = batch;
      for (const [partition, next] of advanced) if (next > partition.nextOffset) partition.nextOffset = next;
      state.ingestedMessages += rows.length + batch.typed.length;
      state.corruptMessages += corrupt;
      state.overflowMessages += overflow;
      if (rows.newestTimestampMs !== null && (state.newestTimestampMs === null || rows.newestTimestampMs > state.newestTimestampMs)) {
        state.newestTimestampMs = rows.newestTimestampMs;
      }
      await this.applyRetention(state);
    }
    await this.redecodeWaitingRows();
  }

  /** Now and then (never more often than `redecodeIntervalMs`), rows waiting for the registry get another chance. */
  private async redecodeWaitingRows(): Promise<void> {
    if (Date.now() - this.lastRedecode < (this.options.redecodeIntervalMs ?? 2_000)) return;
    for (const state of this.topics.values()) {
      if (state.table.undecoded.count === 0) continue;
      try {
        const replaced = await redecodeWaitingRows(state, this.options.decoder);
        if (replaced > 0) this.log(`${state.topic}: ${replaced} rows that waited for the schema registry are decoded now`);
      } catch (error) {
        this.noteError(`decoding rows of ${state.topic} again failed`, error);
      }
    }
    // From the end of the pass: a registry that answers slowly must not take all of ingest's time.
    this.lastRedecode = Date.now();
  }

  /** A batch DuckDB could not write is fetched again (nothing of it is marked ingested). */
  private rewindAfterFailedWrite(error: unknown): void {
    this.noteError("writing a fetched batch failed", error);
    this.rewindFetchOffsets();
  }

  private rewindFetchOffsets(): void {
    for (const state of this.topics.values()) {
      for (const partition of state.partitions) if (partition) partition.fetchOffset = partition.nextOffset;
    }
  }

  /** Deletes rows Kafka no longer has (queries also filter them out before this runs). */
  private async applyRetention(state: TopicState): Promise<void> {
    for (const partition of state.partitions) {
      if (!partition || partition.logStartOffset <= partition.deletedBelow) continue;
      await state.table.deleteBelow(partition.partition, partition.logStartOffset);
      partition.deletedBelow = partition.logStartOffset;
    }
  }

  private async handleFetchError(error: unknown): Promise<void> {
    this.noteError("fetch failed", error);
    this.rewindFetchOffsets();
    const outOfRange = isOffsetOutOfRange(error);
    try {
      this.options.clients.forgetLeaders();
      if (outOfRange) {
        await resetOutOfRangePartitions(
          this.options.clients,
          this.topics,
          (work) => this.writes.run(work),
          (state) => this.applyRetention(state),
          (message) => this.log(message),
        );
      } else await this.discoverTopics();
    } catch (cause) {
      this.noteError("recovery after a failed fetch failed", cause);
    }
  }

  private noteError(context: string, error: unknown): void {
    const message = `${context}: ${error instanceof Error ? error.message : String(error)}`;
    if (message !== this.lastError) this.log(message);
    this.lastError = message;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
