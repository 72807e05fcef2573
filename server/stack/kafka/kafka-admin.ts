import { Kafka, logLevel, type Admin } from "kafkajs";

/**
 * A kafkajs admin client that fails fast (no retries, short timeouts) and logs nothing: the
 * supervisor polls with it and reports failures itself.
 */
export async function connectKafkaAdmin(brokers: string[], clientId = "fomo-supervisor"): Promise<Admin> {
  const kafka = new Kafka({
    clientId,
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_500,
    requestTimeout: 5_000,
    retry: { retries: 1, initialRetryTime: 200, maxRetryTime: 1_000 },
  });
  const admin = kafka.admin();
  await admin.connect();
  return admin;
}

/** True when a client can connect to `brokers` and list topics. */
export async function kafkaAcceptsClients(brokers: string[]): Promise<boolean> {
  let admin: Admin | undefined;
  try {
    admin = await connectKafkaAdmin(brokers, "fomo-health-check");
    await admin.listTopics();
    return true;
  } finally {
    await admin?.disconnect().catch(() => undefined);
  }
}
