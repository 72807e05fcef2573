import { kafkaAccessError } from "../../kafka/kafka-errors";
import type { KafkaSecurity } from "../../kafka/kafka-security";
import { createKafka, type Admin } from "../../kafka/kafkajs-client";

/**
 * A kafkajs admin client that fails fast (one retry, short timeouts) and logs nothing: the
 * supervisor polls with it and reports failures itself. A refused login or TLS handshake is thrown
 * as its config error at once (`security` defaults to this process's configuration).
 */
export async function connectKafkaAdmin(brokers: string[], clientId = "fomo-supervisor", security?: KafkaSecurity): Promise<Admin> {
  const admin = createKafka(brokers, clientId, { security, retries: "fail-fast" }).admin();
  try {
    await admin.connect();
  } catch (error) {
    throw kafkaAccessError(error) ?? error;
  }
  return admin;
}

/** True when a client can connect to `brokers` and list topics. */
export async function kafkaAcceptsClients(brokers: string[], security?: KafkaSecurity): Promise<boolean> {
  let admin: Admin | undefined;
  try {
    admin = await connectKafkaAdmin(brokers, "fomo-health-check", security);
    await admin.listTopics();
    return true;
  } finally {
    await admin?.disconnect().catch(() => undefined);
  }
}
