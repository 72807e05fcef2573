import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

/** Lighthouse's desktop performance score of one page, with the metrics it is made of. */
export interface LighthouseScore {
  path: string;
  /** Median of the runs, 0..1. */
  performance: number;
  runs: number[];
  /** From the median run, in ms (CLS unitless). */
  metrics: { fcp: number; lcp: number; tbt: number; cls: number; si: number };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

interface RunResult {
  score: number;
  metrics: LighthouseScore["metrics"];
}

async function runOnce(port: number, url: string): Promise<RunResult> {
  const result = await lighthouse(url, { port, output: "json", logLevel: "error", onlyCategories: ["performance"] }, desktopConfig);
  if (!result) throw new Error(`weigh: Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`weigh: Lighthouse failed on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const value = (id: string) => Math.round((lhr.audits[id]?.numericValue ?? Number.NaN) * 1000) / 1000;
  return {
    score: lhr.categories.performance?.score ?? 0,
    metrics: {
      fcp: value("first-contentful-paint"),
      lcp: value("largest-contentful-paint"),
      tbt: value("total-blocking-time"),
      cls: value("cumulative-layout-shift"),
      si: value("speed-index"),
    },
  };
}

/**
 * Lighthouse 12's desktop preset (simulated throttling) in Debian's Chromium, headless, a fresh
 * profile per page so no run warms another's cache.
 */
export async function lighthouseScore(chromiumPath: string, baseUrl: string, path: string, runs: number): Promise<LighthouseScore> {
  const url = new URL(path, baseUrl).toString();
  const results: RunResult[] = [];
  for (let run = 0; run < runs; run += 1) {
    const chrome = await chromeLauncher.launch({
      chromePath: chromiumPath,
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
    });
    try {
      results.push(await runOnce(chrome.port, url));
    } finally {
      chrome.kill();
    }
  }
  const middle = median(results.map((result) => result.score));
  const chosen = results.find((result) => result.score === middle) ?? results[0]!;
  return { path, performance: middle, runs: results.map((result) => result.score), metrics: chosen.metrics };
}
