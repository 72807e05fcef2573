import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { childEnvironment } from "../config";
import { isAlive, readPidRecords, type PidRecord } from "./process/pid-files";
import { runDemoCli } from "./testing/run-demo-cli";
import { ownPorts, serviceStatus, SupervisedStacks, waitFor } from "./testing/supervised-stack";
import { testStack } from "./testing/test-stack";

const stack = testStack();
const stacks = new SupervisedStacks();
const start = (env: Record<string, string | undefined>) => stacks.start(env);
const tempStackDir = () => stacks.tempStackDir();
const stackDirWithSharedJars = () => stacks.stackDirWithSharedJars();

afterAll(() => stacks.cleanUp(), 60_000);

describe("npm run demo (the stack supervisor)", () => {
  it("starts its own broker and warehouse, and on SIGINT stops every process it recorded within 10 s", async () => {
    const stackDir = stackDirWithSharedJars();
    const ports = await ownPorts();
    const run = start({ STACK_DIR: stackDir, FOMO_SKIP_WEB: "1", KAFKA_HEAP: "256m", ...ports });
    await run.waitForOutput("FOMO is ready", 240_000);
    const registry = await fetch(`http://127.0.0.1:${ports.SCHEMA_REGISTRY_PORT}/schemas/types`);
    expect(await registry.json()).toEqual(["AVRO", "PROTOBUF", "JSON"]);

    const recorded: PidRecord[] = readPidRecords(stackDir);
    expect(recorded.map((record) => record.name)).toEqual(expect.arrayContaining(["kafka", "warehouse", "schema-registry"]));
    for (const record of recorded) expect(isAlive(record.pid), record.name).toBe(true);

    const signalledAt = Date.now();
    run.child.kill("SIGINT");
    expect(await run.exited).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(10_000);
    for (const record of recorded) expect(isAlive(record.pid), `${record.name} (pid ${record.pid})`).toBe(false);
    expect(readPidRecords(stackDir)).toEqual([]);
  }, 300_000);

  it("restarts a service killed with SIGKILL; a stopped pipeline stays stopped until its restart time, then loads again", async () => {
    const stackDir = stackDirWithSharedJars();
    const ports = await ownPorts();
    const run = start({
      STACK_DIR: stackDir,
      FOMO_SKIP_WEB: "1",
      KAFKA_HEAP: "256m",
      GENERATOR_BACKLOG: "300",
      CONNECTOR_FLUSH_INTERVAL_MS: "1000",
      ...ports,
    });
    await run.waitForOutput("FOMO is ready", 240_000);

    // Far enough ahead to outlast the crash and the restart below, near enough to watch it happen.
    const restartAt = Date.now() + 45_000;
    const stopped = await fetch(`http://127.0.0.1:${ports.CONTROL_PORT}/services/connector/commands/stop`, {
      method: "POST",
      body: JSON.stringify({ restartAt }),
    });
    expect(stopped.status).toBe(200);
    const before = readPidRecords(stackDir).find((record) => record.name === "connector");
    expect(before && isAlive(before.pid)).toBe(true);
    process.kill(before!.pid, "SIGKILL");

    const down = await waitFor(
      "the connector to be reported down",
      async () => {
        const status = await serviceStatus(ports.CONTROL_PORT, "connector");
        return status && !status.healthy ? status : undefined;
      },
      10_000,
    );
    expect(down.detail).toMatch(/killed by SIGKILL|restarting/);

    const after = await waitFor(
      "a new connector process",
      async () => {
        const record = readPidRecords(stackDir).find((candidate) => candidate.name === "connector");
        return record && record.pid !== before!.pid && isAlive(record.pid) ? record : undefined;
      },
      30_000,
    );
    await run.waitForOutput("connector restarted after a crash and is ready", 60_000);
    const healthy = await waitFor(
      "the connector to be healthy again",
      async () => {
        const status = await serviceStatus(ports.CONTROL_PORT, "connector");
        return status?.healthy ? status : undefined;
      },
      30_000,
    );
    // The stop command was replayed: the restarted connector does not load behind the presenter's
    // back, and the crash neither cancelled nor moved the time it restarts on its own.
    expect(healthy.detail).toMatch(/stopped/i);
    expect(healthy.detail).toContain(`restarts on its own at ${new Date(restartAt).toISOString()}`);
    expect(isAlive(after.pid)).toBe(true);

    const loading = await waitFor(
      "the pipeline to restart on its own",
      async () => {
        const status = await serviceStatus(ports.CONTROL_PORT, "connector");
        return status?.healthy && status.detail.startsWith("loading") ? status : undefined;
      },
      restartAt - Date.now() + 20_000,
    );
    expect(Date.now()).toBeGreaterThanOrEqual(restartAt);
    expect(loading.detail).not.toContain("restarts on its own");

    run.child.kill("SIGINT");
    expect(await run.exited).toBe(0);
    expect(readPidRecords(stackDir)).toEqual([]);
  }, 300_000);

  it("refuses to start without a MariaDB/MySQL server binary, naming the fix", async () => {
    const run = start({
      STACK_DIR: tempStackDir(),
      FOMO_SKIP_WEB: "1",
      MARIADB_BIN: "/nonexistent",
      PATH: "/nonexistent",
      KAFKA_BROKERS: stack.kafkaBrokers.join(","),
      ...(await ownPorts()),
    });
    expect(await run.exited).not.toBe(0);
    expect(run.output()).toContain("stack:missing_prerequisite");
    expect(run.output()).toContain("MARIADB_BIN=/nonexistent is not an executable file");
    expect(run.output()).toContain("apt-get install mariadb-server");
    expect(readPidRecords(run.stackDir)).toEqual([]);
  }, 60_000);

  it("refuses to start when a port is taken, naming the port and the variable that moves it", async () => {
    const ports = await ownPorts();
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(Number(ports.CONTROL_PORT), "127.0.0.1", resolve));
    try {
      const run = start({ STACK_DIR: tempStackDir(), FOMO_SKIP_WEB: "1", ...ports });
      expect(await run.exited).not.toBe(0);
      expect(run.output()).toContain("stack:port_in_use");
      expect(run.output()).toContain(`Port ${ports.CONTROL_PORT}`);
      expect(run.output()).toContain("CONTROL_PORT");
    } finally {
      blocker.close();
    }
  }, 60_000);

  it("explains its options with --help", async () => {
    const help = runDemoCli(childEnvironment({}), ["--help"]);
    stacks.track(help);
    expect(await help.exited).toBe(0);
    expect(help.output()).toContain("--fresh");
  }, 60_000);
});
