import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { childEnvironment } from "../../config";
import { ManagedProcess } from "../process/managed-process";
import { killStaleProcesses } from "../process/pid-files";
import { waitUntil } from "../process/wait-until";
import { RestartingInfraService, type InfraStartHooks } from "./restarting-infra-service";

const stackDir = fs.mkdtempSync(path.join(os.tmpdir(), "fomo-infra-restart-"));
const logPath = path.join(stackDir, "logs", "sleeper.log");
afterAll(async () => {
  await killStaleProcesses(stackDir, () => undefined);
  fs.rmSync(stackDir, { recursive: true, force: true });
});

/** A real long-running process standing in for the broker: what matters here is its life and death. */
async function startSleeper(hooks: InfraStartHooks) {
  const process = ManagedProcess.start({
    name: "sleeper",
    stackDir,
    logPath,
    env: childEnvironment({}),
    launch: { kind: "spawn", command: "sleep", args: ["600"] },
    onExit: (exit) => {
      if (!process.stopping) hooks.onUnexpectedExit(exit);
    },
  });
  hooks.onSpawn(process);
  return { process, stop: (deadline?: number) => process.stop(deadline ?? Date.now() + 2_000) };
}

const probeHealthy = async () => ({ name: "kafka", healthy: true, detail: "up" });

describe("restarting infra service", () => {
  it("starts a process killed with SIGKILL again after the backoff, and reports the crash meanwhile", async () => {
    const service = await RestartingInfraService.start({
      name: "kafka",
      logPath,
      log: () => undefined,
      start: startSleeper,
      policy: { firstDelayMs: 300 },
    });
    const first = service.instance!.process.pid!;
    globalThis.process.kill(first, "SIGKILL");
    await waitUntil(async () => service.instance === undefined, {
      what: "the crash to be seen",
      timeoutMs: 5_000,
      intervalMs: 20,
      hint: "",
    });
    const down = await service.status(probeHealthy);
    expect(down.healthy).toBe(false);
    expect(down.detail).toMatch(/^restarting after a crash \(was killed by SIGKILL\), attempt 1, next try in 1 s; 1 crash so far/);
    expect(down.metrics).toMatchObject({ restarting: true, restarts: 0, crashes: 1, restartAttempt: 1 });

    await waitUntil(async () => service.instance !== undefined, { what: "the restart", timeoutMs: 5_000, intervalMs: 20, hint: "" });
    expect(service.instance!.process.pid).not.toBe(first);
    const up = await service.status(probeHealthy);
    expect(up).toMatchObject({ healthy: true, detail: "up", metrics: { restarting: false, restarts: 1, crashes: 1, restartAttempt: 0 } });
    expect(fs.readFileSync(logPath, "utf8").match(/starting: sleep 600/g)).toHaveLength(2);
    await service.stop(Date.now() + 2_000);
  });

  it("stops restarting at the crash limit and says why, instead of going quiet", async () => {
    const service = await RestartingInfraService.start({
      name: "warehouse",
      logPath,
      log: () => undefined,
      start: startSleeper,
      policy: { firstDelayMs: 100, giveUpAfter: 2 },
    });
    const first = service.instance!.process.pid!;
    globalThis.process.kill(first, "SIGKILL");
    await waitUntil(async () => service.instance !== undefined && service.instance.process.pid !== first, {
      what: "the restart",
      timeoutMs: 5_000,
      intervalMs: 20,
      hint: "",
    });
    await waitUntil(async () => (await service.status(probeHealthy)).healthy, {
      what: "healthy again",
      timeoutMs: 5_000,
      intervalMs: 20,
      hint: "",
    });
    globalThis.process.kill(service.instance!.process.pid!, "SIGKILL");
    await waitUntil(async () => service.instance === undefined, { what: "the second crash", timeoutMs: 5_000, intervalMs: 20, hint: "" });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const status = await service.status(probeHealthy);
    expect(service.instance).toBeUndefined();
    expect(status.healthy).toBe(false);
    expect(status.detail).toContain("not restarted: 2 crashes within 5 min");
    expect(status.metrics).toMatchObject({ restarting: false, crashes: 2, restarts: 1 });
    await service.stop(Date.now() + 2_000);
  });
});
