import { chromium } from "@playwright/test";
import type { CapturedRequest } from "./step5-visitor";

/**
 * Loads step 5 once in Chromium, as a visitor would, and lists every request the page made to our
 * server (document, scripts, styles, API). The simulated visitors replay exactly these.
 */
export async function captureStep5Requests(options: { baseUrl: string; cookie: string; chromiumPath: string }): Promise<CapturedRequest[]> {
  const browser = await chromium.launch({
    executablePath: options.chromiumPath,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    if (options.cookie) {
      const url = new URL(options.baseUrl);
      await context.addCookies(
        options.cookie.split("; ").map((pair) => {
          const [name, ...value] = pair.split("=");
          return { name: name ?? "", value: value.join("="), domain: url.hostname, path: "/" };
        }),
      );
    }
    const page = await context.newPage();
    const seen: CapturedRequest[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.origin === options.baseUrl) seen.push({ method: request.method(), path: `${url.pathname}${url.search}` });
    });
    await page.goto(`${options.baseUrl}/story/5`);
    // Step 5 shows one fragment at a time; the others are mounted (their live data arrives) but hidden.
    await page.getByTestId("live-count-kafka").filter({ hasText: /^\d/ }).waitFor({ state: "attached", timeout: 60_000 });
    await page.getByTestId("chart-device-mix").filter({ hasText: "of top spenders" }).waitFor({ state: "attached", timeout: 60_000 });
    // Long enough for anything a page would poll on its own to show up in the list.
    await page.waitForTimeout(8_000);
    return seen;
  } finally {
    await browser.close();
  }
}
