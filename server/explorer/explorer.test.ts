import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ExplorerMessage, SearchProgress } from "../../lib/api/explorer";
import { ValueDecoder } from "../decoding/value-decoder";
import { readClusterSnapshot } from "./cluster-snapshot";
import { readDeadLetterReasons } from "./dead-letter-reasons";
import { groupDetail, groupsOverview, topicDetail, topicsOverview } from "./explorer-views";
import { liveTail, type TailEvent } from "./live-tail";
import { listTopicNames } from "./partition-watermarks";
import { SnapshotHistory } from "./snapshot-history";
import { explorerTestKit, until } from "./testing/explorer-test-kit";
import { searchTopic } from "./topic-search";

const kit = explorerTestKit("explorer-test");
const { admin, producer, createdGroups, newTopic, layoutOf } = kit;
/** Plain JSON topics: no registry needed. */
const decoder = new ValueDecoder();

function purchase(index: number) {
  const customerId = `CU-${1000 + (index % 1000)}`;
  return { key: customerId, value: JSON.stringify({ customerId, amount: 10 + (index % 90), itemCode: "96385074", index }) };
}

async function produce(topic: string, from: number, count: number, partition?: number) {
  const messages = Array.from({ length: count }, (_, i) => ({ ...purchase(from + i), partition: partition ?? (from + i) % 3 }));
  for (let i = 0; i < messages.length; i += 5_000) await producer.send({ topic, messages: messages.slice(i, i + 5_000) });
}

/** The decoded JSON value of a message (these topics hold plain JSON). */
function valueOf(message: ExplorerMessage | undefined): { index?: number } {
  return message?.value.kind === "decoded" ? (JSON.parse(message.value.json) as { index?: number }) : {};
}

function keyOf(message: ExplorerMessage | undefined): string | undefined {
  return message?.key.kind === "text" ? message.key.text : undefined;
}

async function groupIds(): Promise<Set<string>> {
  return new Set((await admin.listGroups()).groups.map((g) => g.groupId));
}

describe("explorer topic views", () => {
  it("counts every message per partition and in total, with the size the broker reports", async () => {
    const topic = await newTopic();
    await produce(topic, 0, 10, 0);
    await produce(topic, 10, 12, 1);
    await produce(topic, 22, 8, 2);
    const snapshot = await readClusterSnapshot(kit.explorer);
    const detail = topicDetail(snapshot, new SnapshotHistory(), topic);
    expect(detail.partitions.map((p) => [p.logStartOffset, p.highWatermark])).toEqual([
      [0, 10],
      [0, 12],
      [0, 8],
    ]);
    expect(detail.messages).toBe(30);
    expect(detail.sizeBytes).toBeGreaterThan(30 * 50);

    const deadLetter = { topic: "none", exists: false, messages: 0, sampled: 0, reasons: [] };
    const visible = topicsOverview(snapshot, new SnapshotHistory(), deadLetter, { includeInternal: false });
    expect(visible.topics.find((t) => t.name === topic)).toMatchObject({ partitions: 3, messages: 30 });
    expect(visible.topics.every((t) => !t.internal)).toBe(true);
  });

  it("computes the produce rate from successive watermark readings", async () => {
    const topic = await newTopic();
    const history = new SnapshotHistory();
    history.record(await readClusterSnapshot(kit.explorer));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await produce(topic, 0, 300);
    const second = await readClusterSnapshot(kit.explorer);
    history.record(second);
    const rate = topicDetail(second, history, topic).producePerSec ?? 0;
    expect(rate).toBeGreaterThan(50);
    expect(rate).toBeLessThan(600);
  });

  it("lists internal topics only when asked", async () => {
    const names = await listTopicNames(kit.explorer);
    const internal = names.filter((n) => n.internal).map((n) => n.name);
    expect(internal.every((name) => name.startsWith("__"))).toBe(true);
  });
});

describe("explorer live tail", () => {
  it("sends the newest messages first, then each new message, and stops when aborted", async () => {
    const topic = await newTopic();
    await produce(topic, 0, 90);
    const layout = await layoutOf(topic);
    const events: TailEvent[] = [];
    const stop = new AbortController();
    const tail = liveTail(kit.explorer, layout, {
      signal: stop.signal,
      decoder,
      emit: (e) => events.push(e),
      initialMessages: 20,
      pollMs: 100,
    });
    await until(() => events.length > 0);
    const first = events[0];
    expect(first?.type).toBe("messages");
    const initial = first?.type === "messages" ? first.messages : [];
    expect(initial).toHaveLength(20);
    const stamps = initial.map((m) => m.timestamp);
    expect([...stamps].sort().reverse()).toEqual(stamps);
    // The 20 newest of 90 (30 per partition): offsets 23..29 or so in each partition, never older.
    expect(Math.min(...initial.map((m) => m.offset))).toBeGreaterThanOrEqual(30 - 20);

    await produce(topic, 90, 5);
    const arrived = () => events.slice(1).flatMap((e) => (e.type === "messages" ? e.messages : []));
    await until(() => arrived().length >= 5);
    expect(
      arrived()
        .map((m) => valueOf(m).index)
        .sort(),
    ).toEqual([90, 91, 92, 93, 94]);
    expect(arrived()[0]?.value).toMatchObject({ kind: "decoded", format: "json", schemaId: null });
    expect(arrived()[0]?.key).toMatchObject({ kind: "text", text: expect.stringMatching(/^CU-/) });

    stop.abort();
    await tail;
  });

  it("jumps ahead instead of reading a burst larger than its bound", async () => {
    const topic = await newTopic(1);
    const layout = await layoutOf(topic);
    const events: TailEvent[] = [];
    const stop = new AbortController();
    const tail = liveTail(kit.explorer, layout, { signal: stop.signal, decoder, emit: (e) => events.push(e), pollMs: 300, maxPerPoll: 50 });
    await until(() => events.length > 0);
    await produce(topic, 0, 2_000, 0);
    await until(() => events.some((e) => e.type === "messages" && e.messages.length > 0));
    stop.abort();
    await tail;
    const delivered = events.flatMap((e) => (e.type === "messages" ? e.messages : []));
    const skipped = events.reduce((sum, e) => sum + (e.type === "skipped" ? e.count : 0), 0);
    expect(delivered.length).toBeLessThanOrEqual(50 * 2);
    expect(skipped).toBeGreaterThanOrEqual(2_000 - 100);
    expect(delivered.some((m) => m.offset === 1_999)).toBe(true);
  });
});

describe("explorer search", () => {
  it("finds a message by key and by value text", async () => {
    const topic = await newTopic();
    await produce(topic, 0, 3_000);
    const layout = await layoutOf(topic);
    const matches: ExplorerMessage[] = [];
    const progress: SearchProgress[] = [];
    const callbacks = {
      signal: new AbortController().signal,
      decoder,
      onProgress: (p: SearchProgress) => progress.push(p),
      onMatches: (m: ExplorerMessage[]) => matches.push(...m),
    };
    const done = await searchTopic(
      kit.explorer,
      layout,
      { field: "key", text: "CU-1277", start: { kind: "beginning" }, maxMessages: 10_000 },
      callbacks,
    );
    expect(done).toMatchObject({ scanned: 3_000, planned: 3_000, matches: 3, reason: "range_end" });
    expect(matches.map((m) => valueOf(m).index ?? -1).sort((a, b) => a - b)).toEqual([277, 1277, 2277]);
    expect(progress.at(-1)).toMatchObject({ scanned: 3_000, matches: 3 });

    matches.length = 0;
    const byValue = await searchTopic(
      kit.explorer,
      layout,
      { field: "value", text: '"INDEX":2999', start: { kind: "newest" }, maxMessages: 10 },
      callbacks,
    );
    expect(byValue.matches).toBe(1);
    expect(keyOf(matches[0])).toBe("CU-1999");
  });

  it("reads no more than the message cap and stops when cancelled", async () => {
    const topic = await newTopic();
    await produce(topic, 0, 6_000);
    const layout = await layoutOf(topic);
    const noop = { onProgress: () => undefined, onMatches: () => undefined };
    const capped = await searchTopic(
      kit.explorer,
      layout,
      { field: "key", text: "nobody", start: { kind: "beginning" }, maxMessages: 1_000 },
      { ...noop, decoder, signal: new AbortController().signal },
    );
    expect(capped).toMatchObject({ scanned: 1_000, planned: 1_000, matches: 0, reason: "message_cap" });

    const fromOffset = await searchTopic(
      kit.explorer,
      layout,
      { field: "key", text: "CU-1000", start: { kind: "offset", offset: 1_500, partition: 0 }, maxMessages: 10_000 },
      { ...noop, decoder, signal: new AbortController().signal },
    );
    expect(fromOffset.scanned).toBe(500);

    const cancel = new AbortController();
    cancel.abort();
    const cancelled = await searchTopic(
      kit.explorer,
      layout,
      { field: "value", text: "x", start: { kind: "beginning" }, maxMessages: 100_000 },
      { ...noop, decoder, signal: cancel.signal },
    );
    expect(cancelled.scanned).toBe(0);
  });

  it("searches from a point in time", async () => {
    const topic = await newTopic();
    await produce(topic, 0, 300);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const from = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await produce(topic, 300, 30);
    const layout = await layoutOf(topic);
    const done = await searchTopic(
      kit.explorer,
      layout,
      { field: "value", text: "customerId", start: { kind: "time", timestamp: from }, maxMessages: 10_000 },
      { signal: new AbortController().signal, decoder, onProgress: () => undefined, onMatches: () => undefined },
    );
    expect(done).toMatchObject({ scanned: 30, matches: 30 });
  });
});

describe("explorer consumer groups and dead letters", () => {
  it("shows a group's committed offsets and lag per partition", async () => {
    const topic = await newTopic();
    await produce(topic, 0, 60);
    const groupId = `test-group-${randomUUID()}`;
    createdGroups.push(groupId);
    await admin.setOffsets({
      groupId,
      topic,
      partitions: [
        { partition: 0, offset: "5" },
        { partition: 1, offset: "20" },
        { partition: 2, offset: "0" },
      ],
    });
    const snapshot = await readClusterSnapshot(kit.explorer);
    const detail = groupDetail(snapshot, new SnapshotHistory(), groupId);
    expect(detail.offsets.map((o) => [o.partition, o.committedOffset, o.lag])).toEqual([
      [0, 5, 15],
      [1, 20, 0],
      [2, 0, 20],
    ]);
    expect(detail.totalLag).toBe(35);
    expect(groupsOverview(snapshot).groups.find((g) => g.groupId === groupId)).toMatchObject({ totalLag: 35, topics: [topic] });
    expect(topicDetail(snapshot, new SnapshotHistory(), topic).consumerGroups).toMatchObject([{ groupId, lag: 35 }]);

    // The committed offsets live in __consumer_offsets: listed (with its partitions) only when asked.
    const deadLetter = { topic: "none", exists: false, messages: 0, sampled: 0, reasons: [] };
    const withInternal = topicsOverview(snapshot, new SnapshotHistory(), deadLetter, { includeInternal: true });
    const offsetsTopic = withInternal.topics.find((t) => t.name === "__consumer_offsets");
    expect(offsetsTopic).toMatchObject({ internal: true });
    expect(offsetsTopic?.partitions).toBeGreaterThan(0);
    expect(offsetsTopic?.messages).toBeGreaterThan(0);
    const withoutInternal = topicsOverview(snapshot, new SnapshotHistory(), deadLetter, { includeInternal: false });
    expect(withoutInternal.topics.some((t) => t.name === "__consumer_offsets")).toBe(false);
  });

  it("groups dead-letter reasons from the reason header", async () => {
    const topic = await newTopic(1);
    const reasons = ["not_json", "not_json", "missing_field:amount", "not_json", "wrong_type:amount"];
    await producer.send({ topic, messages: reasons.map((reason, i) => ({ value: `bad ${i}`, headers: { "fomo.dlq.reason": reason } })) });
    const summary = await readDeadLetterReasons(kit.explorer, topic, await layoutOf(topic));
    expect(summary).toMatchObject({ exists: true, messages: 5, sampled: 5 });
    expect(summary.reasons.map((r) => [r.reason, r.count])).toEqual([
      ["not_json", 3],
      ["missing_field:amount", 1],
      ["wrong_type:amount", 1],
    ]);
  });

  it("leaves no consumer group behind after tails and searches", async () => {
    const before = await groupIds();
    const topic = await newTopic();
    await produce(topic, 0, 500);
    const layout = await layoutOf(topic);
    const stop = new AbortController();
    const events: TailEvent[] = [];
    const tail = liveTail(kit.explorer, layout, { signal: stop.signal, decoder, emit: (e) => events.push(e), pollMs: 100 });
    await searchTopic(
      kit.explorer,
      layout,
      { field: "key", text: "CU-1001", start: { kind: "beginning" }, maxMessages: 10_000 },
      { signal: new AbortController().signal, decoder, onProgress: () => undefined, onMatches: () => undefined },
    );
    await until(() => events.length > 0);
    stop.abort();
    await tail;
    const after = await groupIds();
    expect([...after].filter((g) => !before.has(g))).toEqual([]);
  });
});
