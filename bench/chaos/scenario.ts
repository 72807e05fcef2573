import type { Random } from "../../server/dataset/prng";
import type { ChaosStack } from "./chaos-stack";
import type { StatusSampler } from "./status-sampler";

/** What every scenario gets, and what it hands back for the report. */
export interface ChaosContext {
  stack: ChaosStack;
  sampler: StatusSampler;
  random: Random;
  log: (line: string) => void;
}

export type Figure = number | string | boolean | null;

export interface ScenarioResult {
  name: string;
  passed: boolean;
  durationS: number;
  figures: Record<string, Figure>;
  /** Each names the scenario's figure that is wrong and by how much. */
  failures: string[];
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns a value; throws `what` with the last value after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, intervalMs = 500): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/**
 * Runs one scenario with a hard time limit; an exception or the limit becomes a failure of that
 * scenario (with the figures gathered so far), so one broken part never hangs the whole suite.
 */
export async function runScenario(
  name: string,
  context: ChaosContext,
  limitMs: number,
  body: (figures: Record<string, Figure>, fail: (line: string) => void) => Promise<void>,
): Promise<ScenarioResult> {
  const startedAt = Date.now();
  const figures: Record<string, Figure> = {};
  const failures: string[] = [];
  const fail = (line: string) => {
    failures.push(line);
    context.log(`${name}: FAIL ${line}`);
  };
  context.log(`${name}: starting`);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      body(figures, fail),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the scenario did not finish within ${limitMs / 1000} s`)), limitMs);
      }),
    ]);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
  const result = { name, passed: failures.length === 0, durationS: Math.round((Date.now() - startedAt) / 100) / 10, figures, failures };
  context.log(`${name}: ${result.passed ? "passed" : "FAILED"} in ${result.durationS} s ${JSON.stringify(figures)}`);
  return result;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export const seconds = (ms: number) => Math.round(ms / 100) / 10;
