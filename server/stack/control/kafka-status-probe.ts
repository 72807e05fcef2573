import type { Admin } from "../../kafka/kafkajs-client";
import type { ServiceStatus } from "../../../lib/api/status";
import { connectKafkaAdmin } from "../kafka/kafka-admin";
import { withTimeout } from "../process/wait-until";

/** Topics whose message counts the status reports (`messages.<topic>`). */
const COUNTED_TOPICS = ["purchases", "requestlog"];

/**
 * Kafka's health for `/status`: one long-lived admin client (re-created after a failure), the
 * number of non-internal topics and, per dataset topic, high watermarks minus log starts.
 */
export class KafkaStatusProbe {
  private admin: Admin | undefined;

  constructor(
    private readonly brokers: string[],
    private readonly describeOrigin: string,
  ) {}

  private async connectedAdmin(): Promise<Admin> {
    this.admin ??= await connectKafkaAdmin(this.brokers, "fomo-supervisor-status");
    return this.admin;
  }

  private async reset(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect().catch(() => undefined);
  }

  async probe(): Promise<ServiceStatus> {
    try {
      return await withTimeout(this.measure(), 3_000, "the Kafka broker");
    } catch (error) {
      await this.reset();
      return { name: "kafka", healthy: false, detail: `${this.describeOrigin} not reachable: ${(error as Error).message}` };
    }
  }

  private async measure(): Promise<ServiceStatus> {
    const admin = await this.connectedAdmin();
    const topics = (await admin.listTopics()).filter((topic) => !topic.startsWith("__"));
    const metrics: Record<string, number> = { topics: topics.length };
    const missing: string[] = [];
    for (const topic of COUNTED_TOPICS) {
      if (!topics.includes(topic)) {
        missing.push(topic);
        metrics[`messages.${topic}`] = 0;
        continue;
      }
      const offsets = await admin.fetchTopicOffsets(topic);
      metrics[`messages.${topic}`] = offsets.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
    }
    if (missing.length > 0) {
      return { name: "kafka", healthy: false, detail: `${this.describeOrigin}: topic ${missing.join(", ")} missing`, metrics };
    }
    return { name: "kafka", healthy: true, detail: `${this.describeOrigin}, ${topics.length} topics`, metrics };
  }

  async close(): Promise<void> {
    await this.reset();
  }
}
