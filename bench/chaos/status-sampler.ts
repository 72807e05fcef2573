import type { ConnectionOptions } from "mysql2";
import type { StackStatus } from "../../lib/api/status";
import { derivePipelineState } from "../../lib/status/pipeline-state";
import { readCommittedTotal } from "./warehouse-ledger";

/**
 * Samples the supervisor's status (what /api/status shows) once a second for the whole run, next to
 * the truth observed independently (the warehouse's committed offsets, the processes the suite
 * killed), and finds the moments status claimed health that was not there:
 * - the connector reported healthy while the warehouse had not advanced for longer than
 *   two flush intervals + 20 s although Kafka held more (flushes failing or stuck);
 * - the pipeline state /api/status shows (lib/status/pipeline-state.ts) said "running" in that case;
 * - a service the suite had killed reported healthy before its new process existed.
 */
interface Sample {
  at: number;
  status: StackStatus | undefined;
  committed: number | null;
  /** The pid each service's pid file named when the sample was taken. */
  pids: Record<string, number | undefined>;
}

export interface StatusTruthReport {
  samples: number;
  unanswered: number;
  /** One line per false claim (at most 10 listed), with the time and what status said. */
  falseClaims: string[];
  falseClaimCount: number;
  /** Longest time the warehouse did not advance while Kafka was ahead, in seconds. */
  longestStallS: number;
}

export interface StatusSampler {
  /** Marks `service` (process `pid`, killed at `from`) as really down until another process runs it. */
  markDown(service: string, from: number, pid: number): (to: number) => void;
  stop(): StatusTruthReport;
}

export function startStatusSampler(options: {
  status: () => Promise<StackStatus>;
  warehouseAdmin: ConnectionOptions;
  database: string;
  flushIntervalMs: number;
  pids: () => Record<string, number | undefined>;
}): StatusSampler {
  const samples: Sample[] = [];
  const downWindows: Array<{ service: string; from: number; to: number; pid: number }> = [];
  let running = true;
  const loop = async () => {
    while (running) {
      const at = Date.now();
      const [status, committed] = await Promise.all([
        options.status().catch(() => undefined),
        readCommittedTotal(options.warehouseAdmin, options.database),
      ]);
      samples.push({ at, status, committed, pids: options.pids() });
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1_000 - (Date.now() - at))));
    }
  };
  const done = loop();

  return {
    markDown(service, from, pid) {
      const window = { service, from, pid, to: Number.POSITIVE_INFINITY };
      downWindows.push(window);
      return (to) => {
        window.to = to;
      };
    },
    stop() {
      running = false;
      void done;
      const falseClaims: string[] = [];
      let falseClaimCount = 0;
      const claim = (line: string) => {
        falseClaimCount += 1;
        if (falseClaims.length < 10) falseClaims.push(line);
      };
      const stallLimitMs = 2 * options.flushIntervalMs + 20_000;
      let lastAdvance: { at: number; committed: number } | undefined;
      let longestStallMs = 0;
      let healthySince: number | undefined;
      let runningSince: number | undefined;
      for (const sample of samples) {
        const time = new Date(sample.at).toISOString().slice(11, 19);
        const services = sample.status?.services ?? [];
        const connector = services.find((service) => service.name === "connector");
        const kafkaMessages = Number(services.find((service) => service.name === "kafka")?.metrics?.["messages.purchases"] ?? Number.NaN);
        if (sample.committed !== null) {
          if (!lastAdvance || sample.committed > lastAdvance.committed) lastAdvance = { at: sample.at, committed: sample.committed };
        }
        const behind = lastAdvance !== undefined && Number.isFinite(kafkaMessages) && kafkaMessages > lastAdvance.committed;
        const stalledMs = behind && lastAdvance ? sample.at - lastAdvance.at : 0;
        longestStallMs = Math.max(longestStallMs, stalledMs);
        // A connector that just (re)started has had no chance to flush yet: count from then.
        healthySince = connector?.healthy ? (healthySince ?? sample.at) : undefined;
        const stalledWhileHealthyMs = healthySince === undefined || !lastAdvance ? 0 : Math.min(stalledMs, sample.at - healthySince);
        if (connector?.healthy && connector.metrics?.running !== false && stalledWhileHealthyMs > stallLimitMs) {
          claim(
            `${time}: connector "healthy: ${connector.detail.slice(0, 120)}" while the warehouse has not advanced for ${Math.round(stalledMs / 1000)} s (Kafka ${kafkaMessages} > ${lastAdvance?.committed} loaded)`,
          );
        }
        // The one-word state /api/status and every page show, derived as they derive it.
        const pipeline = sample.status ? derivePipelineState(sample.status).state : undefined;
        runningSince = pipeline === "running" ? (runningSince ?? sample.at) : undefined;
        const stalledWhileRunningMs = runningSince === undefined || !lastAdvance ? 0 : Math.min(stalledMs, sample.at - runningSince);
        if (stalledWhileRunningMs > stallLimitMs) {
          claim(
            `${time}: /api/status pipeline "running" while the warehouse has not advanced for ${Math.round(stalledMs / 1000)} s (Kafka ${kafkaMessages} > ${lastAdvance?.committed} loaded)`,
          );
        }
        for (const window of downWindows) {
          // 5 s of grace: status is sampled, not pushed.
          // The window ends when a new process runs it (its status may turn healthy before the suite notices).
          if (sample.at < window.from + 5_000 || sample.at >= window.to) continue;
          const current = sample.pids[window.service];
          if (current !== undefined && current !== window.pid) continue;
          const service = services.find((candidate) => candidate.name === window.service);
          if (service?.healthy)
            claim(
              `${time}: ${window.service} "healthy: ${service.detail.slice(0, 120)}" ${Math.round((sample.at - window.from) / 1000)} s after it was killed, before it was back`,
            );
        }
      }
      return {
        samples: samples.length,
        unanswered: samples.filter((sample) => sample.status === undefined).length,
        falseClaims,
        falseClaimCount,
        longestStallS: Math.round(longestStallMs / 100) / 10,
      };
    },
  };
}
