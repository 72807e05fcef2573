import { randomBytes, randomUUID } from "node:crypto";
import mysql, { type Connection, type ConnectionOptions } from "mysql2/promise";
import { type Admin, createKafka } from "../../kafka/kafkajs-client";
import { ensureTopic, createTopicsAndWait } from "../../kafka/topic-creation";
import { connectorDatabaseName, quoteIdentifier } from "../../warehouse/schema";
import type { TestStackInfo } from "../../stack/testing/test-stack-info";
import type { WarehouseSinkOptions } from "../warehouse-sink";

/** Connection options of the test warehouse's admin account (from the test stack's admin URL). */
export function adminConnectionOptions(
  adminUrl: string,
): ConnectionOptions & { host: string; port: number; user: string; password?: string } {
  const url = new URL(adminUrl);
  const password = decodeURIComponent(url.password);
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 3306,
    user: decodeURIComponent(url.username) || "root",
    ...(password ? { password } : {}),
  };
}

/**
 * A sink of one test's scratch topic into its scratch databases, as the tests run it: a 1 s flush
 * and a 6 s session timeout so a killed consumer's partitions come back quickly. Override freely.
 */
export function scratchSinkOptions(
  stack: TestStackInfo,
  scratch: { databases: Pick<ScratchWarehouseDatabases, "database" | "offsetsDatabase">; topic: string; dlqTopic: string },
): WarehouseSinkOptions {
  return {
    brokers: stack.kafkaBrokers,
    mysql: adminConnectionOptions(stack.mysqlAdminUrl),
    database: scratch.databases.database,
    offsetsDatabase: scratch.databases.offsetsDatabase,
    topic: scratch.topic,
    dlqTopic: scratch.dlqTopic,
    groupId: `${scratch.topic}-sink`,
    flushIntervalMs: 1_000,
    sessionTimeoutMs: 6_000,
  };
}

/** A throw-away warehouse database pair (`<db>` and `<db>_connector`) for one test. */
export interface ScratchWarehouseDatabases {
  database: string;
  offsetsDatabase: string;
  admin: Connection;
  drop(): Promise<void>;
}

export async function createScratchDatabases(adminUrl: string): Promise<ScratchWarehouseDatabases> {
  const database = `t_pipe_${randomBytes(4).toString("hex")}`;
  const offsetsDatabase = connectorDatabaseName(database);
  const admin = await mysql.createConnection({ ...adminConnectionOptions(adminUrl), multipleStatements: false });
  await admin.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
  return {
    database,
    offsetsDatabase,
    admin,
    async drop() {
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)}`);
        await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(offsetsDatabase)}`);
      } finally {
        await admin.end();
      }
    },
  };
}

/** Throw-away topics on the test broker; `drop()` deletes every topic it made. */
export interface ScratchTopics {
  admin: Admin;
  create(partitions?: number): Promise<string>;
  /** Deletes `topic` and creates it again, empty: a new incarnation under the same name. */
  recreate(topic: string, partitions?: number): Promise<void>;
  drop(): Promise<void>;
}

export async function createScratchTopics(brokers: string[]): Promise<ScratchTopics> {
  const admin = createKafka(brokers, "fomo-pipeline-tests").admin();
  await admin.connect();
  const made: string[] = [];
  return {
    admin,
    async create(partitions = 3) {
      const topic = `test-${randomUUID()}`;
      made.push(topic);
      await ensureTopic(admin, topic, partitions);
      return topic;
    },
    async recreate(topic, partitions = 3) {
      await admin.deleteTopics({ topics: [topic] });
      await waitFor(`${topic} to be deleted`, async () => !(await admin.listTopics()).includes(topic), 30_000);
      // The broker may still be removing the old log: creating fails until it is gone.
      await waitFor(
        `${topic} to be created again`,
        async () =>
          (await createTopicsAndWait(admin, [{ topic, numPartitions: partitions, replicationFactor: 1 }])
            .then((created) => created.length > 0)
            .catch(() => false)) || (await admin.listTopics()).includes(topic),
        30_000,
        250,
      );
    },
    async drop() {
      try {
        if (made.length > 0) await admin.deleteTopics({ topics: made }).catch(() => {});
      } finally {
        await admin.disconnect();
      }
    },
  };
}

/** Polls `check` until it returns true or `timeoutMs` passes (then throws with `what`). */
/**
 * What a connector test loads between: scratch topics (a 3-partition source, a 1-partition
 * dead-letter topic) and scratch databases, each registered in `cleanups` as soon as it exists.
 */
export async function createScratchSinkTargets(stack: TestStackInfo, cleanups: Array<() => Promise<void>>) {
  const topics = await createScratchTopics(stack.kafkaBrokers);
  cleanups.push(() => topics.drop());
  const databases = await createScratchDatabases(stack.mysqlAdminUrl);
  cleanups.push(() => databases.drop());
  const topic = await topics.create(3);
  const dlqTopic = await topics.create(1);
  return { topics, databases, topic, dlqTopic };
}

export async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 30_000, intervalMs = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
