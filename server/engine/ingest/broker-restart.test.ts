import { afterAll, describe, expect, it } from "vitest";
import { startPrivateBroker, type PrivateBroker } from "../../stack/testing/private-broker";
import { createEngineTestKit, type EngineTestKit } from "../testing/engine-test-kit";

/** A PRIVATE broker for this file only: stopping it must not disturb the shared test broker. */
let broker: PrivateBroker | undefined;
let kit: EngineTestKit | undefined;

afterAll(async () => {
  await kit?.close();
  await broker?.dispose();
});

describe("ingest across a broker restart", () => {
  it("reconnects, resumes from its own offsets and holds every message exactly once", { timeout: 240_000 }, async () => {
    broker = await startPrivateBroker("engine-broker-restart");
    kit = await createEngineTestKit(broker.brokers);
    const topic = await kit.createTopic(3);
    await kit.produce(
      topic,
      Array.from({ length: 20_000 }, (_, n) => ({ n, phase: 1 })),
    );
    const engine = await kit.startEngine({ metadataIntervalMs: 500 });

    await broker.stop();
    const whileDown = await engine.health();
    expect(whileDown.topics[0]!.ingestedMessages).toBeLessThanOrEqual(20_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await broker.start();
    // A new producer (new producer ID) for phase 2, as an application would after a broker
    // restart: the kit's idempotent producer may meet a broker that lost its sequence state
    // ("out of order sequence number"), which is about the producer, not the engine under test.
    const afterRestart = kit.kafka.producer({ allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1 });
    await afterRestart.connect();
    try {
      const phase2 = Array.from({ length: 500 }, (_, n) => ({ value: JSON.stringify({ n: 20_000 + n, phase: 2 }) }));
      await afterRestart.send({ topic, acks: -1, messages: phase2 });
    } finally {
      await afterRestart.disconnect().catch(() => undefined);
    }

    await engine.waitForCaughtUp(60_000);
    const result = await engine.query(`SELECT count(*), count(DISTINCT (_partition, _offset)), count(DISTINCT n), max(n) FROM "${topic}"`);
    expect(result.rows).toEqual([[20_500, 20_500, 20_500, 20_499]]);
    const health = await engine.health();
    expect(health.brokerReachable).toBe(true);
    expect(health.lagMessages).toBe(0);
  });
});
