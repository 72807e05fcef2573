import type { Admin } from "../kafka/kafkajs-client";
import { FomoError } from "../../lib/errors";

/** How large the dead-letter topic lets a record and a produce request be, as the broker says. */
export interface DeadLetterLimits {
  /** Largest record we produce (the topic's `max.message.bytes` minus batch framing). */
  maxRecordBytes: number;
  /** Largest sum of records in one produce request (also bounded by the topic's limit, since
   * kafkajs puts one partition's records in one batch). */
  maxRequestBytes: number;
  /** The broker's raw figures, for status and logs. */
  source: { topicMaxMessageBytes: number; brokerMessageMaxBytes: number; socketRequestMaxBytes: number };
}

/**
 * kafkajs's ConfigResourceTypes values (Kafka's resource type codes). Spelled out because the enum
 * is not a named export Node's ESM loader can see in kafkajs's CommonJS build.
 */
const TOPIC_RESOURCE = 2;
const BROKER_RESOURCE = 4;

/** Record batch header (61 bytes) plus request, topic and partition framing, generously. */
const FRAMING_BYTES = 4 * 1024;

/**
 * Reads the limits from the broker (describeConfigs), never from constants: a topic made with a
 * small `max.message.bytes`, or a broker with a raised `message.max.bytes`, is followed as it is.
 */
export async function readDeadLetterLimits(admin: Admin, dlqTopic: string): Promise<DeadLetterLimits> {
  try {
    const cluster = await admin.describeCluster();
    const brokerId = String(cluster.controller ?? cluster.brokers[0]?.nodeId ?? 1);
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [
        { type: TOPIC_RESOURCE, name: dlqTopic, configNames: ["max.message.bytes"] },
        { type: BROKER_RESOURCE, name: brokerId, configNames: ["message.max.bytes", "socket.request.max.bytes"] },
      ],
    });
    const value = (name: string): number => {
      for (const resource of resources) {
        const entry = resource.configEntries.find((config) => config.configName === name);
        if (entry && Number.isFinite(Number(entry.configValue))) return Number(entry.configValue);
      }
      throw new FomoError("unavailable:kafka", `the broker did not report ${name}`, { canRetry: true });
    };
    const topicMaxMessageBytes = value("max.message.bytes");
    const brokerMessageMaxBytes = value("message.max.bytes");
    const socketRequestMaxBytes = value("socket.request.max.bytes");
    const batchLimit = Math.min(topicMaxMessageBytes, brokerMessageMaxBytes) - FRAMING_BYTES;
    return {
      maxRecordBytes: Math.max(1_024, batchLimit),
      maxRequestBytes: Math.max(1_024, Math.min(batchLimit, socketRequestMaxBytes - FRAMING_BYTES)),
      source: { topicMaxMessageBytes, brokerMessageMaxBytes, socketRequestMaxBytes },
    };
  } catch (error) {
    if (error instanceof FomoError) throw error;
    throw new FomoError("unavailable:kafka", `could not read the dead-letter topic's size limits: ${(error as Error).message}`, {
      cause: error,
      canRetry: true,
    });
  }
}
