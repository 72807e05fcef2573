import fs from "node:fs";
import path from "node:path";
import type { MachineInfo } from "../machine";
import type { ChaosOptions } from "./chaos-options";
import type { ScenarioResult } from "./scenario";
import type { StatusTruthReport } from "./status-sampler";

/** The reliability suite's record: one JSON file with everything, one markdown summary. */
export interface ChaosResult {
  startedAt: string;
  durationS: number;
  passed: boolean;
  options: Omit<ChaosOptions, "resultsDir" | "stackDir">;
  machine: MachineInfo;
  scenarios: ScenarioResult[];
  status: StatusTruthReport & { passed: boolean };
  /** A problem outside any scenario (the stack did not start, ...). */
  error?: string;
}

export function renderChaosMarkdown(result: ChaosResult): string {
  const lines = [
    `# npm run chaos — ${result.startedAt} — ${result.passed ? "PASSED" : "FAILED"}`,
    "",
    `Duration ${result.durationS} s. Machine: ${result.machine.cpuModel}, ${result.machine.cores} cores, ${result.machine.ramGiB} GiB, ${result.machine.os}, Node ${result.machine.node}, Kafka ${result.machine.kafka}, warehouse ${result.machine.warehouse}, load average ${result.machine.loadAverage1m} at start.`,
    `Options: ${JSON.stringify(result.options)}`,
    "",
  ];
  if (result.error) lines.push(`**Error:** ${result.error}`, "");
  lines.push("| scenario | result | time | figures |", "|---|---|---|---|");
  for (const scenario of result.scenarios) {
    const figures = Object.entries(scenario.figures)
      .map(([name, value]) => `${name} ${String(value)}`)
      .join("; ");
    lines.push(`| ${scenario.name} | ${scenario.passed ? "passed" : "**FAILED**"} | ${scenario.durationS} s | ${figures} |`);
  }
  const status = result.status;
  lines.push(
    `| status truthful (sampled every 1 s) | ${status.passed ? "passed" : "**FAILED**"} | | samples ${status.samples}; unanswered ${status.unanswered}; false claims ${status.falseClaimCount}; longest warehouse stall ${status.longestStallS} s |`,
    "",
  );
  const failures = result.scenarios.flatMap((scenario) => scenario.failures.map((line) => `- ${scenario.name}: ${line}`));
  failures.push(...status.falseClaims.map((line) => `- status: ${line}`));
  if (failures.length > 0) lines.push("## Failures", "", ...failures, "");
  return lines.join("\n");
}

export function writeChaosResults(result: ChaosResult, resultsDir: string): { jsonPath: string; markdownPath: string } {
  fs.mkdirSync(resultsDir, { recursive: true });
  const stamp = result.startedAt.replace(/[:]/g, "-").replace(/\.\d+Z$/, "Z");
  const base = path.join(resultsDir, `chaos-${stamp}`);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
  fs.writeFileSync(`${base}.md`, renderChaosMarkdown(result));
  return { jsonPath: `${base}.json`, markdownPath: `${base}.md` };
}
