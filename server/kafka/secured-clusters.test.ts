import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FomoError } from "../../lib/errors";
import { createKafkaSqlEngine } from "../engine/kafka-sql-engine";
import { singleNumber } from "../engine/testing/engine-test-kit";
import { connectKafkaAdmin } from "../stack/kafka/kafka-admin";
import type { KafkaSecurity } from "./kafka-security";
import { createKafka } from "./kafkajs-client";
import { startSecuredBroker, type SecuredBroker } from "./testing/secured-broker";
import { createTopicsAndWait } from "./topic-creation";

let broker: SecuredBroker;
const topics: string[] = [];

beforeAll(async () => {
  broker = await startSecuredBroker();
}, 180_000);
afterAll(async () => {
  await broker?.dispose();
});

/** A new topic with `count` JSON messages, made through the PLAINTEXT listener. */
async function topicWithMessages(count: number): Promise<string> {
  const topic = `test-${randomUUID()}`;
  topics.push(topic);
  const kafka = createKafka(broker.plaintextBrokers, "secured-setup", { security: { protocol: "PLAINTEXT" }, silent: true });
  const admin = kafka.admin();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await Promise.all([admin.connect(), producer.connect()]);
  try {
    await createTopicsAndWait(admin, [{ topic, numPartitions: 2 }]);
    await producer.send({
      topic,
      acks: -1,
      messages: Array.from({ length: count }, (_, n) => ({ key: `k${n}`, value: JSON.stringify({ n }) })),
    });
  } finally {
    await Promise.all([admin.disconnect(), producer.disconnect()]);
  }
  return topic;
}

/** The value of the first message a new consumer group reads from `topic`. */
async function firstValueReadByGroup(brokers: string[], security: KafkaSecurity, topic: string): Promise<string> {
  const consumer = createKafka(brokers, "secured-consumer", { security, silent: true }).consumer({ groupId: `test-${randomUUID()}` });
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    return await new Promise<string>((resolve, reject) => {
      consumer.run({ eachMessage: async ({ message }) => resolve(message.value?.toString() ?? "") }).catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
}

const securedCases: Array<[string, () => { brokers: string[]; security: KafkaSecurity }]> = [
  ["SASL PLAIN", () => ({ brokers: broker.saslBrokers, security: broker.sasl("PLAIN") })],
  ["SASL SCRAM-SHA-256", () => ({ brokers: broker.saslBrokers, security: broker.sasl("SCRAM-SHA-256") })],
  ["SASL SCRAM-SHA-512", () => ({ brokers: broker.saslBrokers, security: broker.sasl("SCRAM-SHA-512") })],
  ["TLS with a client certificate whose key has a passphrase", () => ({ brokers: broker.sslBrokers, security: broker.tls() })],
];

describe("kafkajs clients on a secured cluster", () => {
  it.each(securedCases)("admin, producer and consumer group work through %s", async (_name, connection) => {
    const { brokers, security } = connection();
    const kafka = createKafka(brokers, "secured-kafkajs", { security, silent: true });
    const admin = kafka.admin();
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    const topic = `test-${randomUUID()}`;
    topics.push(topic);
    await Promise.all([admin.connect(), producer.connect()]);
    try {
      await createTopicsAndWait(admin, [{ topic, numPartitions: 1 }]);
      expect(await admin.listTopics()).toContain(topic);
      await producer.send({ topic, acks: -1, messages: [{ key: "k", value: `through ${_name}` }] });
    } finally {
      await Promise.all([admin.disconnect(), producer.disconnect()]);
    }
    expect(await firstValueReadByGroup(brokers, security, topic)).toBe(`through ${_name}`);
  });
});

describe("the engine's fetch path (@platformatic/kafka) on a secured cluster", () => {
  it.each([securedCases[2]!, securedCases[3]!])("reads every message of a topic through %s", async (_name, connection) => {
    const topic = await topicWithMessages(25);
    const { brokers, security } = connection();
    const engine = await createKafkaSqlEngine({
      brokers,
      security,
      clientId: "secured-engine",
      memoryLimit: "256MB",
      threads: 1,
      metadataIntervalMs: 500,
      topicFilter: (name) => name === topic,
    });
    try {
      await engine.waitForCaughtUp(20_000);
      expect(singleNumber(await engine.query(`SELECT count(*) FROM "${topic}"`))).toBe(25);
      expect(singleNumber(await engine.query(`SELECT sum(n) FROM "${topic}"`))).toBe((24 * 25) / 2);
    } finally {
      await engine.close();
    }
  });
});

describe("refused access", () => {
  async function refusal(attempt: Promise<unknown>): Promise<{ error: FomoError; ms: number }> {
    const started = Date.now();
    const error = await attempt.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(FomoError);
    return { error: error as FomoError, ms: Date.now() - started };
  }

  it("a wrong SASL password gives config:kafka_authentication at once, through kafkajs and through the engine", async () => {
    const wrong = broker.sasl("SCRAM-SHA-512", "not-bob-secret");
    const kafkajs = await refusal(connectKafkaAdmin(broker.saslBrokers, "secured-wrong-password", wrong));
    expect(kafkajs.error.code).toBe("config:kafka_authentication");
    expect(kafkajs.error.canRetry).toBe(false);
    expect(kafkajs.ms).toBeLessThan(10_000);

    const engine = await refusal(createKafkaSqlEngine({ brokers: broker.saslBrokers, security: wrong, memoryLimit: "256MB", threads: 1 }));
    expect(engine.error.code).toBe("config:kafka_authentication");
    expect(engine.error.message).toContain("KAFKA_SASL_PASSWORD");
    expect(engine.ms).toBeLessThan(15_000);
  });

  it("a client that does not trust the broker's CA gives config:kafka_tls", async () => {
    const untrusted: KafkaSecurity = { ...broker.tls(), tls: { ...broker.tls().tls, ca: undefined } };
    const { error, ms } = await refusal(connectKafkaAdmin(broker.sslBrokers, "secured-untrusted", untrusted));
    expect(error.code).toBe("config:kafka_tls");
    expect(ms).toBeLessThan(10_000);
  });

  it("a client without a certificate is refused by a broker that requires one", async () => {
    const anonymous: KafkaSecurity = { protocol: "SSL", tls: { ca: broker.tls().tls?.ca } };
    const { error, ms } = await refusal(connectKafkaAdmin(broker.sslBrokers, "secured-anonymous", anonymous));
    expect(error.code).toBe("config:kafka_tls");
    expect(ms).toBeLessThan(10_000);
  });
});
