import { FomoError } from "../../lib/errors";
import { createKafkaFetchPath, type FetchPathReads } from "../kafka/fetch-path";
import { createKafka, type Admin as KafkajsAdmin } from "../kafka/kafkajs-client";
import type { KafkaSecurity } from "../kafka/kafka-security";

export { kafkaError } from "../kafka/kafka-errors";

/**
 * The explorer's Kafka clients, both long-lived:
 * - a kafkajs admin ("interactive" retries: fail within seconds, the UI polls again) for topics,
 *   metadata, watermarks and consumer groups, through `withAdmin`;
 * - `fetchPath`, the engine's reading clients (server/kafka/fetch-path.ts), for what kafkajs 2.2
 *   cannot ask: Fetch at explicit offsets without a consumer group (tails and searches leave no
 *   group on the broker), topic IDs (Fetch v17 addresses topics by ID) and log-dir sizes.
 */
export interface ExplorerKafka {
  brokers: string[];
  /**
   * Runs `read` with the kafkajs admin, connected on first use. kafkajs pins every topic it reads
   * offsets of (`pins`) into each later metadata refresh of that client, so once one is deleted
   * every request fails with UNKNOWN_TOPIC_OR_PARTITION: the admin is then replaced by a fresh one
   * and `read` runs once more.
   */
  withAdmin<T>(read: (admin: KafkajsAdmin) => Promise<T>, pins?: string[]): Promise<T>;
  /** The topics the broker lists now: an admin that pinned one of the others is replaced before it fails. */
  noteListedTopics(names: string[]): void;
  fetchPath: FetchPathReads;
  close(): Promise<void>;
}

function isUnknownTopic(error: unknown): boolean {
  for (let e = error as { type?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 8; depth++) {
    if (e.type === "UNKNOWN_TOPIC_OR_PARTITION") return true;
    e = e.cause as typeof e;
  }
  return false;
}

/** `security` defaults to this process's configuration (KAFKA_SECURITY_PROTOCOL...). */
export function createExplorerKafka(brokers: string[], clientId = "fomo-explorer", security?: KafkaSecurity): ExplorerKafka {
  if (brokers.length === 0) throw new FomoError("config:kafka_brokers", "The explorer needs at least one Kafka broker");
  const fetchPath = createKafkaFetchPath(brokers, `${clientId}-fetch`, security);
  let closing: Promise<void> | undefined;
  let admin: Promise<KafkajsAdmin> | undefined;
  const pinned = new Set<string>();

  const connected = (): Promise<KafkajsAdmin> => {
    if (closing) return Promise.reject(new FomoError("unavailable:kafka", "The explorer's Kafka clients are closed"));
    admin ??= (async () => {
      const kafkajsAdmin = createKafka(brokers, `${clientId}-admin`, { security, retries: "interactive" }).admin();
      await kafkajsAdmin.connect();
      return kafkajsAdmin;
    })().catch((cause: unknown) => {
      admin = undefined;
      throw cause;
    });
    return admin;
  };
  const replaceAdmin = () => {
    const old = admin;
    admin = undefined;
    pinned.clear();
    void old?.then((a) => a.disconnect()).catch(() => undefined);
  };

  return {
    brokers,
    async withAdmin(read, pins = []) {
      const hadPins = pinned.size > 0;
      for (const topic of pins) pinned.add(topic);
      try {
        return await read(await connected());
      } catch (error) {
        if (!hadPins || !isUnknownTopic(error)) throw error;
        replaceAdmin();
        for (const topic of pins) pinned.add(topic);
        return read(await connected());
      }
    },
    noteListedTopics(names) {
      const listed = new Set(names);
      if ([...pinned].some((topic) => !listed.has(topic))) replaceAdmin();
    },
    fetchPath,
    close() {
      const adminClosed = admin?.then((a) => a.disconnect()) ?? Promise.resolve();
      closing ??= Promise.allSettled([fetchPath.close(), adminClosed]).then(() => undefined);
      return closing;
    },
  };
}
