import { registryErrors } from "./registry-error";
import { connectRegistryKafka, type RegistryKafka } from "./registry-kafka";
import type { RegistryState } from "./registry-state";

export interface SchemaLogOptions {
  brokers: string[];
  topic: string;
  clientId: string;
  /** How long a write may take to be acknowledged and read back before it fails (50001). */
  writeTimeoutMs: number;
}

export interface LogRecord {
  key: Buffer;
  /** null: a tombstone (a permanent delete). */
  value: Buffer | null;
}

/** How long the topic's reader may go without a fetch before the registry reports itself unhealthy. */
const STALE_READER_MS = 20_000;

/** Confluent's marker record: written at start and read back, it proves the whole log before it was read. */
const NOOP_KEY = Buffer.from(JSON.stringify({ keytype: "NOOP", magic: 0 }));

/**
 * The `_schemas` topic as the registry's write-ahead log. One reader applies every record to the
 * state in log order; a write resolves only when its own record has come back through that reader,
 * so after `append` the state shows it, and whatever the state shows is in Kafka.
 */
export class SchemaLog {
  private waiters: { offset: bigint; resolve: () => void }[] = [];
  private lastError: string | undefined;
  private lastFetchAt = Date.now();

  private constructor(
    private readonly kafka: RegistryKafka,
    private readonly state: RegistryState,
    private readonly options: SchemaLogOptions,
  ) {}

  /** Connects, replays the topic into `state` up to a fresh marker, and returns once it is read. */
  static async open(state: RegistryState, options: SchemaLogOptions): Promise<SchemaLog> {
    const kafka = await connectRegistryKafka(options.brokers, options.topic, options.clientId);
    const log = new SchemaLog(kafka, state, options);
    try {
      await log.startReader();
      await log.append([{ key: NOOP_KEY, value: null }]);
      return log;
    } catch (error) {
      await kafka.close();
      throw error;
    }
  }

  private async startReader(): Promise<void> {
    const { consumer } = this.kafka;
    consumer.on(consumer.events.CRASH, (event) => {
      this.lastError = `reader crashed: ${event.payload.error.message}`;
    });
    consumer.on(consumer.events.FETCH, () => {
      this.lastError = undefined;
      this.lastFetchAt = Date.now();
    });
    await consumer.subscribe({ topic: this.options.topic, fromBeginning: true });
    await consumer.run({
      // Commits only tell the explorer how far this reader is (its group is its own, fresh each start).
      autoCommit: true,
      eachMessage: async ({ message }) => {
        this.state.apply(BigInt(message.offset), message.key, message.value);
        this.release();
      },
    });
  }

  private release(): void {
    const applied = this.state.appliedOffset;
    const due = this.waiters.filter((waiter) => waiter.offset <= applied);
    this.waiters = this.waiters.filter((waiter) => waiter.offset > applied);
    for (const waiter of due) waiter.resolve();
  }

  /** Writes the records (acks=all) and resolves once they are applied to the state; throws 50001 otherwise. */
  async append(records: LogRecord[]): Promise<void> {
    const { writeTimeoutMs, topic } = this.options;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`not acknowledged within ${writeTimeoutMs} ms`)), writeTimeoutMs);
    });
    try {
      const write = async () => {
        const [result] = await this.kafka.producer.send({
          topic,
          acks: -1,
          messages: records.map(({ key, value }) => ({ key, value, partition: 0 })),
        });
        if (!result?.baseOffset) throw new Error("the broker returned no offset");
        const last = BigInt(result.baseOffset) + BigInt(records.length - 1);
        await this.readBack(last);
      };
      await Promise.race([write(), timeout]);
    } catch (cause) {
      throw registryErrors.store(`Error while storing the schema in the Kafka topic ${topic}: ${(cause as Error).message}`, cause);
    } finally {
      clearTimeout(timer);
    }
  }

  private readBack(offset: bigint): Promise<void> {
    if (this.state.appliedOffset >= offset) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ offset, resolve }));
  }

  /** Undefined while the reader is fetching; otherwise why it is not. */
  problem(): string | undefined {
    // An idle reader still fetches every few seconds (our fetch wait is 1 s); silence means Kafka is away.
    const silentMs = Date.now() - this.lastFetchAt;
    if (silentMs > STALE_READER_MS) return this.lastError ?? `no fetch from Kafka for ${Math.round(silentMs / 1000)} s`;
    return this.lastError;
  }

  async close(): Promise<void> {
    await this.kafka.close();
  }
}
