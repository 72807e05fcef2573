import os from "node:os";
import type { LighthouseScore } from "./lighthouse-score";
import type { PageWeight } from "./page-weight";

/** Story pages must stay under this before an editor is needed (issue 10). */
export const STORY_BUDGET_KIB = 500;
/** Lighthouse desktop performance wanted on `/` and `/story/0`. */
export const LIGHTHOUSE_TARGET = 0.95;

export interface WeighRun {
  startedAt: Date;
  seconds: number;
  baseUrl: string;
  chromium: string;
  loadAverage: [number, number];
  weights: PageWeight[];
  scores: LighthouseScore[];
}

const fmt = (value: number, digits = 1) => value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Pages that show no editor on load: they are held to the budget and must not fetch Monaco. */
export function isEditorFreeStoryPage(path: string): boolean {
  return /^\/story\/[015]$/.test(path) || path === "/";
}

export function weighMarkdown(run: WeighRun): string {
  const cpus = os.cpus();
  const lines = [
    "# FOMO page weight and Lighthouse",
    "",
    `${run.startedAt.toISOString()}, ${fmt(run.seconds, 0)} s. Machine: ${cpus[0]?.model.trim() ?? "unknown"}, ${cpus.length} cores, ${fmt(os.totalmem() / 1024 ** 3)} GiB RAM, ${os.type()} ${os.release()} ${os.arch()}. ` +
      `Load average ${fmt(run.loadAverage[0])} at the start, ${fmt(run.loadAverage[1])} at the end (\`uptime\`; other engineers' builds and tests share the cores).`,
    `Node ${process.version}, ${run.chromium}, production build (\`next build\`), ${run.baseUrl}.`,
    "",
    "JavaScript a first visit loads (fresh profile, 1280x720, scripts fetched until 6 s after `load`, sizes gzip -6 of the bodies):",
    "",
    "| page | scripts | gzipped JS | largest scripts (gzipped) | Monaco loaded | budget |",
    "|---|---|---|---|---|---|",
    ...run.weights.map((weight) => {
      const budget =
        weight.path.startsWith("/story/") && isEditorFreeStoryPage(weight.path)
          ? weight.gzipKiB <= STORY_BUDGET_KIB
            ? `≤ ${STORY_BUDGET_KIB} KiB: met`
            : `≤ ${STORY_BUDGET_KIB} KiB: **not met**`
          : "—";
      const largest = weight.largest.map((script) => `${script.file} ${fmt(script.gzipKiB)}`).join(", ");
      return `| ${weight.path} | ${weight.scripts} | ${fmt(weight.gzipKiB)} KiB | ${largest} | ${weight.loadedMonaco ? "yes" : "no"} | ${budget} |`;
    }),
    "",
    `Lighthouse 12, desktop preset (simulated throttling), median of ${run.scores[0]?.runs.length ?? 0} runs; metrics of the median run:`,
    "",
    "| page | performance | runs | FCP | LCP | TBT | CLS | Speed Index | target |",
    "|---|---|---|---|---|---|---|---|---|",
    ...run.scores.map((score) => {
      const target =
        score.path === "/" || score.path === "/story/0"
          ? score.performance >= LIGHTHOUSE_TARGET
            ? `≥ ${LIGHTHOUSE_TARGET}: met`
            : `≥ ${LIGHTHOUSE_TARGET}: **not met**`
          : "—";
      const m = score.metrics;
      return `| ${score.path} | ${fmt(score.performance, 2)} | ${score.runs.map((value) => fmt(value, 2)).join(", ")} | ${fmt(m.fcp, 0)} ms | ${fmt(m.lcp, 0)} ms | ${fmt(m.tbt, 0)} ms | ${fmt(m.cls, 3)} | ${fmt(m.si, 0)} ms | ${target} |`;
    }),
    "",
  ];
  return lines.join("\n");
}
