import { createKafka } from "../kafka/kafkajs-client";
import { afterAll, describe, expect, it } from "vitest";
import { FomoError } from "../../lib/errors";
import { createTopicsAndWait } from "../kafka/topic-creation";
import { startPrivateBroker, type PrivateBroker } from "../stack/testing/private-broker";
import { ExplorerRuntime } from "./explorer-runtime";
import { groupsOverview, topicDetail } from "./explorer-views";

/** A PRIVATE broker for this file only: stopping it must not disturb the shared test broker. */
let broker: PrivateBroker | undefined;
let runtime: ExplorerRuntime | undefined;

afterAll(async () => {
  await runtime?.close();
  await broker?.dispose();
});

const STALE_LIMIT_MS = 20_000;

async function snapshotOrError(explorer: ExplorerRuntime) {
  return explorer.snapshot(0).then(
    (snapshot) => ({ snapshot, error: undefined }),
    (error: unknown) => ({ snapshot: undefined, error }),
  );
}

describe("explorer runtime when Kafka stops answering", () => {
  it("shows the last reading flagged as stale, then a 503 once it is too old, then fresh figures again", { timeout: 240_000 }, async () => {
    broker = await startPrivateBroker("explorer-broker-stop");
    const admin = createKafka(broker.brokers, "explorer-runtime-test", { silent: true }).admin();
    await admin.connect();
    try {
      await createTopicsAndWait(admin, [{ topic: "orders", numPartitions: 2 }]);
    } finally {
      await admin.disconnect();
    }
    runtime = new ExplorerRuntime({
      brokers: broker.brokers,
      deadLetterTopic: "orders-dlq",
      maxConcurrentStreams: 2,
      serveStaleForMs: STALE_LIMIT_MS,
    });

    const fresh = await runtime.snapshot(0);
    expect(fresh.staleBecause).toBeUndefined();
    expect(fresh.topics.map((t) => t.name)).toContain("orders");

    await broker.stop();
    const stale = await runtime.snapshot(0);
    // The figures are the last good reading, said to be so, with Kafka's failure as the reason.
    expect(stale.at).toBe(fresh.at);
    expect(stale.staleBecause).toMatch(/^Kafka did not answer while/);
    expect(topicDetail(stale, runtime.history, "orders")).toMatchObject({
      partitions: [{ partition: 0 }, { partition: 1 }],
      sampledAt: new Date(fresh.at).toISOString(),
      staleBecause: stale.staleBecause,
    });
    expect(groupsOverview(stale).staleBecause).toBe(stale.staleBecause);

    // Past the limit, old figures are no longer passed off: the API answers 503 (retry later).
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, fresh.at + STALE_LIMIT_MS + 500 - Date.now())));
    const down = await snapshotOrError(runtime);
    expect(down.snapshot).toBeUndefined();
    expect(down.error).toBeInstanceOf(FomoError);
    expect(down.error).toMatchObject({ code: "unavailable:kafka", httpStatus: 503, canRetry: true });

    await broker.start();
    let recovered: Awaited<ReturnType<typeof snapshotOrError>> | undefined;
    const deadline = Date.now() + 60_000;
    do {
      recovered = await snapshotOrError(runtime);
      if (recovered.snapshot && !recovered.snapshot.staleBecause) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    } while (Date.now() < deadline);
    expect(recovered.error).toBeUndefined();
    expect(recovered.snapshot?.staleBecause).toBeUndefined();
    expect(recovered.snapshot!.at).toBeGreaterThan(fresh.at);
    expect(recovered.snapshot!.topics.map((t) => t.name)).toContain("orders");
  });
});
