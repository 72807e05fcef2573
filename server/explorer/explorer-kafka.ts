import { Admin, Consumer } from "@platformatic/kafka";
import { Kafka, logLevel, type Admin as KafkajsAdmin } from "kafkajs";
import { FomoError } from "../../lib/errors";

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

export function createExplorerKafka(brokers: string[], clientId = "fomo-explorer"): ExplorerKafka {
  if (brokers.length === 0) throw new FomoError("config:kafka_brokers", "The explorer needs at least one Kafka broker");
  const admin = new Admin({ clientId: `${clientId}-admin`, bootstrapBrokers: brokers, ...CLIENT_OPTIONS });
  const fetcher = new Consumer({
    clientId: `${clientId}-fetch`,
    groupId: `${clientId}-never-joins`,
    bootstrapBrokers: brokers,
    ...CLIENT_OPTIONS,
  });
  let closing: Promise<void> | undefined;
  let internal: Promise<KafkajsAdmin> | undefined;
  return {
    brokers,
    admin,
    fetcher,
    internalAdmin() {
      if (closing) return Promise.reject(new FomoError("unavailable:kafka", "The explorer's Kafka clients are closed"));
      internal ??= (async () => {
        const kafkajsAdmin = new Kafka({
          clientId: `${clientId}-internal`,
          brokers,
          logLevel: logLevel.NOTHING,
          connectionTimeout: 5_000,
          retry: { retries: 2 },
        }).admin();
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

function protocolErrorIds(cause: unknown): string[] {
  const errors = (cause as { errors?: unknown[] } | null)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((inner) => {
    const id = (inner as { apiId?: unknown }).apiId;
    return [...(typeof id === "string" ? [id] : []), ...protocolErrorIds(inner)];
  });
}

/** Maps a client error to a FomoError with context, keeping the original as `cause`. */
export function kafkaError(cause: unknown, doing: string, topic?: string): FomoError {
  if (cause instanceof FomoError) return cause;
  const ids = protocolErrorIds(cause);
  if (topic && ids.some((id) => id === "UNKNOWN_TOPIC_OR_PARTITION" || id === "UNKNOWN_TOPIC_ID")) {
    return new FomoError("not_found:topic", `Topic "${topic}" does not exist`, { cause });
  }
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new FomoError("unavailable:kafka", `Kafka did not answer while ${doing}: ${detail}`, { cause, canRetry: true });
}
