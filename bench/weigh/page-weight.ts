import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";

/** The JavaScript one page load fetched, gzipped as the server would send it. */
export interface PageWeight {
  path: string;
  scripts: number;
  gzipKiB: number;
  /** Largest script first, so a regression names its chunk. */
  largest: Array<{ file: string; gzipKiB: number }>;
  /** Whether any Monaco chunk came down (pages without an editor must not load it). */
  loadedMonaco: boolean;
}

/** Idle time after `load` during which late scripts (idle-time preloads, dynamic imports) still count. */
const SETTLE_MS = 6_000;

/** A string only Monaco's editor core contains (production chunk names are hashes). */
const MONACO_MARK = /editor\.action\.clipboardCopyAction/;

const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/**
 * Opens `path` in a fresh context (empty cache) at 1280x720 and sums the gzipped size of every
 * script response until the page has been idle a while. Sizes are gzip level 6 of the bodies
 * (what `next start` serves), so the figure does not depend on how the response was encoded.
 */
export async function weighPage(browser: Browser, baseUrl: string, path: string): Promise<PageWeight> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const pending: Array<Promise<{ file: string; bytes: number; monaco: boolean }>> = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    const file = new URL(response.url()).pathname;
    pending.push(
      response.body().then(
        (body) => ({ file, bytes: gzipSync(body).length, monaco: MONACO_MARK.test(body.toString("latin1")) }),
        () => ({ file, bytes: 0, monaco: false }),
      ),
    );
  });
  try {
    // A shared, loaded machine can take long to reach `load`; the weight does not depend on how long.
    await page.goto(new URL(path, baseUrl).toString(), { waitUntil: "load", timeout: 180_000 });
    await page.waitForTimeout(SETTLE_MS);
    const scripts = await Promise.all(pending);
    const total = scripts.reduce((sum, script) => sum + script.bytes, 0);
    return {
      path,
      scripts: scripts.length,
      gzipKiB: kib(total),
      largest: [...scripts]
        .sort((a, b) => b.bytes - a.bytes)
        .slice(0, 3)
        .map((script) => ({ file: script.file.replace(/^.*\//, ""), gzipKiB: kib(script.bytes) })),
      loadedMonaco: scripts.some((script) => script.monaco),
    };
  } finally {
    await context.close();
  }
}
