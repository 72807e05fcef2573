import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { lighthouseScore, type LighthouseScore } from "./lighthouse-score";
import { weighPage, type PageWeight } from "./page-weight";
import { parseWeighOptions } from "./weigh-options";
import { isEditorFreeStoryPage, LIGHTHOUSE_TARGET, STORY_BUDGET_KIB, weighMarkdown } from "./weigh-report";
import { startWeighStack, type WeighStack } from "./weigh-stack";

/** Pages weighed at first load, and the ones Lighthouse scores. */
const WEIGHED = ["/", "/story/0", "/story/1", "/story/2", "/story/3", "/story/4", "/story/5", "/lab", "/kafka"];
const SCORED = ["/", "/story/0", "/story/5"];

const log = (line: string) => console.log(`[weigh] ${line}`);

async function main(): Promise<void> {
  const options = parseWeighOptions(process.argv.slice(2));
  const startedAt = new Date();
  const loadAtStart = os.loadavg()[0] ?? 0;
  let stack: WeighStack | undefined;
  try {
    if (!options.url) stack = await startWeighStack(options, log);
    const baseUrl = options.url ?? stack!.url;

    const browser = await chromium.launch({ executablePath: options.chromiumPath, args: ["--no-sandbox", "--disable-gpu"] });
    const weights: PageWeight[] = [];
    try {
      // One unmeasured visit first: the server compiles nothing in production, but its caches warm.
      await weighPage(browser, baseUrl, "/story/0");
      for (const page of WEIGHED) {
        const weight = await weighPage(browser, baseUrl, page);
        log(`${page}: ${weight.gzipKiB} KiB gzipped JS in ${weight.scripts} scripts${weight.loadedMonaco ? " (Monaco loaded)" : ""}`);
        weights.push(weight);
      }
    } finally {
      await browser.close();
    }

    const scores: LighthouseScore[] = [];
    for (const page of SCORED) {
      const score = await lighthouseScore(options.chromiumPath, baseUrl, page, options.lighthouseRuns);
      log(`${page}: Lighthouse desktop performance ${score.performance} (runs ${score.runs.join(", ")})`);
      scores.push(score);
    }

    const markdown = weighMarkdown({
      startedAt,
      seconds: (Date.now() - startedAt.getTime()) / 1000,
      baseUrl,
      chromium: `Chromium ${browserVersion(options.chromiumPath)}`,
      loadAverage: [loadAtStart, os.loadavg()[0] ?? 0],
      weights,
      scores,
    });
    fs.mkdirSync(options.resultsDir, { recursive: true });
    const file = path.join(
      options.resultsDir,
      `weigh-${startedAt
        .toISOString()
        .replace(/:/g, "-")
        .replace(/\.\d+Z$/, "Z")}.md`,
    );
    fs.writeFileSync(file, markdown);
    fs.writeFileSync(file.replace(/\.md$/, ".json"), `${JSON.stringify({ startedAt, baseUrl, weights, scores }, null, 2)}\n`);
    log(`wrote ${file}`);

    const misses = [
      ...weights.filter((w) => isEditorFreeStoryPage(w.path) && w.loadedMonaco).map((w) => `${w.path} loaded Monaco`),
      ...weights
        .filter((w) => w.path.startsWith("/story/") && isEditorFreeStoryPage(w.path) && w.gzipKiB > STORY_BUDGET_KIB)
        .map((w) => `${w.path} ${w.gzipKiB} KiB > ${STORY_BUDGET_KIB} KiB`),
      ...scores
        .filter((s) => (s.path === "/" || s.path === "/story/0") && s.performance < LIGHTHOUSE_TARGET)
        .map((s) => `${s.path} Lighthouse ${s.performance} < ${LIGHTHOUSE_TARGET}`),
    ];
    if (misses.length > 0) log(`targets not met: ${misses.join("; ")}`);
    process.exitCode = misses.length > 0 ? 1 : 0;
  } finally {
    await stack?.stop();
  }
}

function browserVersion(executable: string): string {
  try {
    return execFileSync(executable, ["--version"], { encoding: "utf8" })
      .trim()
      .replace(/^Chromium\s*/, "");
  } catch {
    return "unknown";
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
