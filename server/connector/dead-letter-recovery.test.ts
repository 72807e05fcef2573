import { afterEach, describe, expect, it } from "vitest";
import { Partitioners, createKafka } from "../kafka/kafkajs-client";
import mysql, { type RowDataPacket } from "mysql2/promise";
import { testStack } from "../stack/testing/test-stack";
import { messageAt } from "../dataset/topics";
import { quoteIdentifier } from "../warehouse/schema";
import { deadLetterMessage, DLQ_HEADERS, type DeadLetter } from "./dead-letter";
import { ensureDeadLetterOutbox, insertOutboxLetters } from "./dead-letter-outbox";
import { ensureSinkOffsetsTable } from "./sink-offsets";
import { createWarehouseSink } from "./warehouse-sink";
import { adminConnectionOptions, createScratchSinkTargets, scratchSinkOptions, waitFor } from "./testing/scratch-pipeline";
import { readDeadLetterTopic } from "./testing/dead-letter-reader";
import { poisonCorpus } from "./testing/poison-corpus";
import { spawnSinkProcess } from "./testing/sink-process";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
});

const coordinatesOf = (letters: Array<{ headers: Record<string, string> }>) =>
  letters.map((letter) => `${letter.headers[DLQ_HEADERS.partition]}:${letter.headers[DLQ_HEADERS.offset]}`);

describe("dead-letter relay recovery", () => {
  it("a relay that died after sending part of the outbox, before deleting it, sends each letter once after restart", async () => {
    const stack = testStack();
    const { databases, topic, dlqTopic } = await createScratchSinkTargets(stack, cleanups);
    const pool = mysql.createPool({ ...adminConnectionOptions(stack.mysqlAdminUrl), connectionLimit: 1 });
    cleanups.push(() => pool.end());
    const connection = await pool.getConnection();
    const letters: DeadLetter[] = Array.from({ length: 10 }, (_, i) => ({
      partition: i % 3,
      offset: i,
      key: Buffer.from(`CU-10${i}`),
      value: Buffer.from(`poison ${i}`),
      timestamp: String(Date.now()),
      reason: "not_json: test",
    }));
    try {
      await connection.query(`CREATE DATABASE IF NOT EXISTS ${quoteIdentifier(databases.offsetsDatabase)}`);
      await ensureSinkOffsetsTable(connection, databases.offsetsDatabase);
      await ensureDeadLetterOutbox(connection, databases.offsetsDatabase);
      await insertOutboxLetters(connection, databases.offsetsDatabase, topic, letters, 16 * 1024 * 1024);
    } finally {
      connection.release();
    }
    // What the dead relay got acknowledged before it could delete them from the outbox.
    const producer = createKafka(stack.kafkaBrokers, "dead-relay").producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    cleanups.push(() => producer.disconnect());
    await producer.send({
      topic: dlqTopic,
      acks: -1,
      messages: letters.slice(0, 6).map((letter) => deadLetterMessage(letter, topic, 1_000_000)),
    });

    const sink = createWarehouseSink(scratchSinkOptions(stack, { databases, topic, dlqTopic }));
    cleanups.push(() => sink.close());
    await sink.start();
    await waitFor(
      "the outbox to empty",
      async () => (await sink.status()).deadLettersPending === 0 && (await readDeadLetterTopic(stack.kafkaBrokers, dlqTopic)).length >= 10,
      20_000,
    );
    await sink.drainDeadLetters();
    const delivered = coordinatesOf(await readDeadLetterTopic(stack.kafkaBrokers, dlqTopic));
    expect(delivered.sort()).toEqual(letters.map((letter) => `${letter.partition}:${letter.offset}`).sort());
  }, 60_000);

  it("a connector killed -9 right after flushes that wrote dead letters leaves each dead letter in the DLQ exactly once", async () => {
    const stack = testStack();
    const { databases, topic, dlqTopic } = await createScratchSinkTargets(stack, cleanups);
    const producer = createKafka(stack.kafkaBrokers, "kill-test-producer").producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    cleanups.push(() => producer.disconnect());
    const settings = { ...scratchSinkOptions(stack, { databases, topic, dlqTopic }), maxBufferedMessages: 60 };
    const poison = poisonCorpus(120);
    const bad = new Set<string>();
    let goodSent = 0;
    const KILLS = 5;
    const outputs: string[][] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      // A wave of good and bad messages for this run to flush.
      for (let i = 0; i < 24; i++) {
        const poisonous = i % 3 === 0;
        const message = poisonous ? poison[(kill * 8 + i / 3) % poison.length]! : messageAt("purchases", 1277, goodSent++);
        const [meta] = await producer.send({ topic, acks: -1, messages: [{ key: message.key ?? null, value: message.value }] });
        if (poisonous) bad.add(`${meta!.partition}:${meta!.baseOffset}`);
      }
      const sink = spawnSinkProcess(settings, cleanups);
      outputs.push(sink.output);
      // Right after a COMMIT that wrote letters: before, during or after the relay's send.
      await waitFor("a flush with dead letters", () => sink.output.some((line) => line.includes("to the outbox")), 30_000, 5).catch(
        (error: unknown) => {
          throw new Error(`${String(error)}; the sink said:\n${sink.output.join("\n")}`);
        },
      );
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 40));
      sink.child.kill("SIGKILL");
      await sink.exited;
    }
    const final = spawnSinkProcess(settings, cleanups);
    outputs.push(final.output);
    const outboxSize = async () => {
      const [rows] = await databases.admin.query<RowDataPacket[]>(
        `SELECT count(*) AS n FROM ${quoteIdentifier(databases.offsetsDatabase)}.dead_letter_outbox`,
      );
      return Number(rows[0]!.n);
    };
    const loaded = async () => {
      const [rows] = await databases.admin.query<RowDataPacket[]>(
        `SELECT count(*) AS n FROM ${quoteIdentifier(databases.database)}.purchases`,
      );
      return Number(rows[0]!.n);
    };
    await waitFor(
      "every good row and an empty outbox",
      async () => (await loaded()) === goodSent && (await outboxSize()) === 0,
      60_000,
      250,
    );
    final.child.kill("SIGTERM");
    await final.exited;
    const delivered = coordinatesOf(await readDeadLetterTopic(stack.kafkaBrokers, dlqTopic));
    expect(delivered.length).toBe(bad.size);
    expect(new Set(delivered)).toEqual(bad);
    const recovered = outputs.flat().filter((line) => line.includes("already in")).length;
    const unsent = outputs.slice(0, KILLS).filter((lines) => !lines.some((line) => line.includes("delivered"))).length;
    console.log(
      `dead letters after ${KILLS} kills: ${delivered.length} delivered once each (${bad.size} bad); ${unsent} killed runs had not delivered yet, ${recovered} recoveries skipped letters already sent`,
    );
  }, 150_000);
});
