import { FomoError } from "../../lib/errors";
import { createKafka, type Admin as KafkajsAdmin } from "../kafka/kafkajs-client";
import type { KafkaSecurity } from "../kafka/kafka-security";
import {
  createFetchingConsumer,
  createPlatformaticAdmin,
  type PlatformaticAdmin as Admin,
  type PlatformaticConsumer as Consumer,
} from "../kafka/platformatic-client";

export { kafkaError } from "../kafka/kafka-errors";

/**
 * The two Kafka clients the explorer needs, both long-lived:
 * - `admin` for metadata, watermarks, consumer groups and log-dir sizes;
 * - `fetcher`, a Consumer used ONLY for raw Fetch requests at explicit offsets. It never joins,
 *   commits or heartbeats, so tails and searches leave no consumer group on the broker
 *   (its `groupId` is required by the constructor but never sent to a coordinator);
 * - `internalAdmin`, a kafkajs admin used only for internal topics (`__consumer_offsets`...),
 *   whose metadata @platformatic/kafka's client drops from its cache.
 */
export interface ExplorerKafka {
  brokers: string[];
  admin: Admin;
  fetcher: Consumer;
  internalAdmin(): Promise<KafkajsAdmin>;
  close(): Promise<void>;
}

const CLIENT_OPTIONS = {
  // Fail fast: the explorer is interactive, and the UI retries by polling.
  timeout: 5_000,
  retries: 2,
  retryDelay: 250,
} as const;

/** `security` defaults to this process's configuration (KAFKA_SECURITY_PROTOCOL...). */
export function createExplorerKafka(brokers: string[], clientId = "fomo-explorer", security?: KafkaSecurity): ExplorerKafka {
  if (brokers.length === 0) throw new FomoError("config:kafka_brokers", "The explorer needs at least one Kafka broker");
  const admin = createPlatformaticAdmin(brokers, `${clientId}-admin`, CLIENT_OPTIONS, security);
  const fetcher = createFetchingConsumer(brokers, `${clientId}-fetch`, CLIENT_OPTIONS, security);
  let closing: Promise<void> | undefined;
  let internal: Promise<KafkajsAdmin> | undefined;
  return {
    brokers,
    admin,
    fetcher,
    internalAdmin() {
      if (closing) return Promise.reject(new FomoError("unavailable:kafka", "The explorer's Kafka clients are closed"));
      internal ??= (async () => {
        const kafkajsAdmin = createKafka(brokers, `${clientId}-internal`, { security, retries: "interactive" }).admin();
        await kafkajsAdmin.connect();
        return kafkajsAdmin;
      })().catch((cause: unknown) => {
        internal = undefined;
        throw cause;
      });
      return internal;
    },
    close() {
      const internalClosed = internal?.then((a) => a.disconnect()) ?? Promise.resolve();
      closing ??= Promise.allSettled([admin.close(), fetcher.close(), internalClosed]).then(() => undefined);
      return closing;
    },
  };
}
