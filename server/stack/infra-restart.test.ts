import { randomUUID } from "node:crypto";
import { createKafka } from "../kafka/kafkajs-client";
import mysql, { type RowDataPacket } from "mysql2/promise";
import { afterAll, describe, expect, it } from "vitest";
import { createTopicIdReader } from "../connector/topic-id-reader";
import { isAlive, readPidRecords } from "./process/pid-files";
import { ownPorts, recordedPid, serviceStatus, SupervisedStacks, waitFor, type TestServiceStatus } from "./testing/supervised-stack";
import { warehousePaths } from "./warehouse/warehouse-paths";

const stacks = new SupervisedStacks();
afterAll(() => stacks.cleanUp(), 60_000);

async function startStack() {
  const stackDir = stacks.stackDirWithSharedJars();
  const ports = await ownPorts();
  const run = stacks.start({
    STACK_DIR: stackDir,
    FOMO_SKIP_WEB: "1",
    KAFKA_HEAP: "256m",
    GENERATOR_BACKLOG: "300",
    GENERATOR_RATE: "20",
    CONNECTOR_FLUSH_INTERVAL_MS: "1000",
    ...ports,
  });
  await run.waitForOutput("FOMO is ready", 120_000);
  const status = (name: string) => serviceStatus(ports.CONTROL_PORT, name);
  const metric = (service: TestServiceStatus | undefined, key: string) => Number(service?.metrics?.[key] ?? Number.NaN);
  return { stackDir, ports, run, status, metric, brokers: [`127.0.0.1:${ports.KAFKA_PORT}`] };
}

/** The first `count` values of partition 0 of `topic`, read by a fresh consumer group. */
async function firstValues(brokers: string[], topic: string, count: number): Promise<string[]> {
  const consumer = createKafka(brokers, "fomo-restart-test", { silent: true }).consumer({
    groupId: `test-${randomUUID()}`,
  });
  const values: string[] = [];
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`read only ${values.length} of ${count} messages of ${topic}`)), 30_000);
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          if (partition !== 0 || values.length >= count) return;
          values.push(`${message.offset}:${message.value?.toString("utf8") ?? ""}`);
          if (values.length === count) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
    return values;
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
}

/** Per partition of purchases: rows in the warehouse, and the highest loaded offset + 1 (equal: none lost, none twice). */
async function loadedCoordinates(stackDir: string) {
  const connection = await mysql.createConnection({ socketPath: warehousePaths(stackDir).socket, user: "root" });
  try {
    const [rows] = await connection.query<RowDataPacket[]>(
      "SELECT kafka_partition AS p, COUNT(*) AS n, MAX(kafka_offset) + 1 AS next FROM fomo.purchases GROUP BY kafka_partition ORDER BY p",
    );
    return rows.map((row) => ({ partition: Number(row.p), rows: Number(row.n), nextOffset: Number(row.next) }));
  } finally {
    await connection.end();
  }
}

async function stopAndCheckNothingLeft(run: Awaited<ReturnType<typeof startStack>>) {
  const recorded = readPidRecords(run.stackDir);
  const signalledAt = Date.now();
  run.run.child.kill("SIGINT");
  expect(await run.run.exited).toBe(0);
  expect(Date.now() - signalledAt).toBeLessThan(10_000);
  for (const record of recorded) expect(isAlive(record.pid), `${record.name} (pid ${record.pid})`).toBe(false);
  expect(readPidRecords(run.stackDir)).toEqual([]);
}

describe("the supervisor brings back a crashed broker and warehouse server", () => {
  it("restarts a broker killed with SIGKILL on the same storage, and the generator and the connector resume", async () => {
    const stack = await startStack();
    const { status, metric } = stack;
    await waitFor(
      "the backlog in the warehouse",
      async () => (metric(await status("connector"), "rowsLoaded") >= 300 ? true : undefined),
      60_000,
    );
    const topicIds = createTopicIdReader(stack.brokers, "fomo-restart-test");
    const idBefore = await topicIds.topicId("purchases");
    await topicIds.close();
    const valuesBefore = await firstValues(stack.brokers, "purchases", 5);
    const messagesBefore = metric(await status("kafka"), "messages.purchases");
    const pid = recordedPid(stack.stackDir, "kafka")!;
    process.kill(pid, "SIGKILL");
    const killedAt = Date.now();

    const down = await waitFor(
      "the broker reported restarting",
      async () => {
        const kafka = await status("kafka");
        return kafka?.metrics?.restarting === true ? kafka : undefined;
      },
      10_000,
    );
    expect(down.healthy).toBe(false);
    expect(down.detail).toMatch(/restarting after a crash \(was killed by SIGKILL\), attempt 1, /);
    expect(down.metrics).toMatchObject({ crashes: 1, restarts: 0 });

    const back = await waitFor(
      "the broker healthy again",
      async () => {
        const kafka = await status("kafka");
        return kafka?.healthy && kafka.metrics?.restarts === 1 ? kafka : undefined;
      },
      60_000,
    );
    expect(back.metrics?.restarting).toBe(false);
    expect(Date.parse(String(back.metrics?.lastCrashAt))).toBeGreaterThanOrEqual(killedAt - 1_000);
    const newPid = recordedPid(stack.stackDir, "kafka");
    expect(newPid).not.toBe(pid);
    expect(isAlive(newPid!)).toBe(true);

    // Same storage: the topic was not re-created and what was produced before the crash is still there.
    const checkIds = createTopicIdReader(stack.brokers, "fomo-restart-test");
    expect(await checkIds.topicId("purchases")).toBe(idBefore);
    await checkIds.close();
    expect(await firstValues(stack.brokers, "purchases", 5)).toEqual(valuesBefore);

    const healthyAt = Date.now();
    await waitFor(
      "the generator producing again",
      async () => (metric(await status("kafka"), "messages.purchases") > messagesBefore + 20 ? true : undefined),
      60_000,
    );
    await waitFor(
      "the connector flushing again",
      async () => {
        const connector = await status("connector");
        return connector?.healthy &&
          Date.parse(String(connector.metrics?.lastFlushAt)) > healthyAt &&
          metric(connector, "rowsLoaded") > messagesBefore
          ? true
          : undefined;
      },
      60_000,
    );
    for (const partition of await loadedCoordinates(stack.stackDir)) expect(partition.rows).toBe(partition.nextOffset);
    await stopAndCheckNothingLeft(stack);
  }, 240_000);

  it("restarts a warehouse server killed with SIGKILL on the same data dir, and the connector loads again exactly once", async () => {
    const stack = await startStack();
    const { status, metric } = stack;
    await waitFor(
      "the backlog in the warehouse",
      async () => (metric(await status("connector"), "rowsLoaded") >= 300 ? true : undefined),
      60_000,
    );
    const pid = recordedPid(stack.stackDir, "warehouse")!;
    const rowsBefore = (await loadedCoordinates(stack.stackDir)).reduce((sum, partition) => sum + partition.rows, 0);
    process.kill(pid, "SIGKILL");

    const down = await waitFor(
      "the warehouse reported restarting",
      async () => {
        const warehouse = await status("warehouse");
        return warehouse?.metrics?.restarting === true ? warehouse : undefined;
      },
      10_000,
    );
    expect(down.healthy).toBe(false);
    expect(down.detail).toMatch(/restarting after a crash \(was killed by SIGKILL\)/);

    const back = await waitFor(
      "the warehouse healthy again",
      async () => {
        const warehouse = await status("warehouse");
        return warehouse?.healthy && warehouse.metrics?.restarts === 1 ? warehouse : undefined;
      },
      60_000,
    );
    expect(metric(back, "rows.purchases")).toBeGreaterThanOrEqual(rowsBefore);
    expect(recordedPid(stack.stackDir, "warehouse")).not.toBe(pid);

    const healthyAt = Date.now();
    await waitFor(
      "the connector loading again",
      async () => {
        const connector = await status("connector");
        return connector?.healthy &&
          Date.parse(String(connector.metrics?.lastFlushAt)) > healthyAt &&
          metric(connector, "rowsLoaded") > rowsBefore + 20
          ? true
          : undefined;
      },
      60_000,
    );
    const loaded = await loadedCoordinates(stack.stackDir);
    for (const partition of loaded) expect(partition.rows).toBe(partition.nextOffset);
    expect(loaded.reduce((sum, partition) => sum + partition.rows, 0)).toBeGreaterThan(rowsBefore);
    await stopAndCheckNothingLeft(stack);
  }, 240_000);
});
