import { describe, expect, it } from "vitest";
import { FomoError } from "../../lib/errors";
import { FairQueue } from "./fair-queue";

/** A task that finishes when the test says so, recording when it started. */
function gate(log: string[], name: string): { task: () => Promise<string>; finish: () => void } {
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    task: async () => {
      log.push(name);
      await done;
      return name;
    },
    finish: () => finish(),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("fair queue", () => {
  it("takes waiting visitors in turns, whoever queued more", async () => {
    const queue = new FairQueue({ label: "test", concurrency: 1 });
    const started: string[] = [];
    const tasks = ["a1", "a2", "a3", "a4", "b1", "c1", "b2"].map((name) => ({ name, ...gate(started, name) }));
    const runs = tasks.map(({ name, task }) => queue.run(name[0] as string, task));
    for (let step = 0; step < tasks.length; step += 1) {
      await settle();
      tasks.find(({ name }) => name === started[step])?.finish();
    }
    await Promise.all(runs);
    expect(started).toEqual(["a1", "a2", "b1", "c1", "a3", "b2", "a4"]);
  });

  it("holds a visitor to its running limit while others use the free slots", async () => {
    const queue = new FairQueue({ label: "test", concurrency: 3, perKeyRunning: 1 });
    const started: string[] = [];
    const tasks = ["a1", "a2", "b1", "c1"].map((name) => ({ name, ...gate(started, name) }));
    const runs = tasks.map(({ name, task }) => queue.run(name[0] as string, task));
    await settle();
    expect(started).toEqual(["a1", "b1", "c1"]);
    expect(queue.stats()).toEqual({ running: 3, waiting: 1, waitingKeys: 1 });
    tasks[0]?.finish();
    await settle();
    expect(started).toEqual(["a1", "b1", "c1", "a2"]);
    for (const { finish } of tasks) finish();
    await Promise.all(runs);
    expect(queue.stats()).toEqual({ running: 0, waiting: 0, waitingKeys: 0 });
  });

  it("refuses a visitor's queries beyond its waiting limit with rate_limit and a retry time", async () => {
    const queue = new FairQueue({ label: "the Kafka engine", concurrency: 1, perKeyRunning: 1, perKeyWaiting: 2 });
    const started: string[] = [];
    const tasks = ["a1", "a2", "a3"].map((name) => gate(started, name));
    const runs = tasks.map(({ task }) => queue.run("a", task));
    const refused = await queue.run("a", async () => "a4").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FomoError);
    expect(refused).toMatchObject({ code: "rate_limit:queries_at_once", httpStatus: 429, retryAfterMs: 1_000, canRetry: true });
    // Another visitor still gets in line.
    const other = queue.run("b", async () => "b1");
    for (const { finish } of tasks) finish();
    expect(await Promise.all([...runs, other])).toEqual(["a1", "a2", "a3", "b1"]);
  });

  it("lets a query cancelled while it waits leave the queue at once, without holding its visitor's place", async () => {
    const queue = new FairQueue({ label: "test", concurrency: 1, perKeyWaiting: 1 });
    const started: string[] = [];
    const first = gate(started, "a1");
    const running = queue.run("a", first.task);
    const controller = new AbortController();
    const waiting = queue.run("a", gate(started, "a2").task, controller.signal).catch((error: unknown) => error);
    await settle();
    expect(queue.stats()).toEqual({ running: 1, waiting: 1, waitingKeys: 1 });
    controller.abort();
    const cancelled = await waiting;
    expect(cancelled).toBeInstanceOf(FomoError);
    expect((cancelled as FomoError).code).toBe("cancelled:query");
    expect(queue.stats()).toEqual({ running: 1, waiting: 0, waitingKeys: 0 });
    // Its place is free again: the visitor's next query may wait, and runs after the first.
    const next = queue.run("a", async () => "a3");
    first.finish();
    expect(await Promise.all([running, next])).toEqual(["a1", "a3"]);
    expect(started).toEqual(["a1"]);
    // A signal that has already aborted never enters the queue.
    await expect(queue.run("a", async () => "never", AbortSignal.abort())).rejects.toMatchObject({ code: "cancelled:query" });
  });
});
