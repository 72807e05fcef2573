import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { startHostedWeb, type HostedWeb } from "./hosted-web";
import { SqlPane } from "./pages/sql-pane";

/**
 * Two invited visitors on one hosted copy at once, each in their own browser context (own cookies):
 * one visitor's pipeline stop freezes only their warehouse, and one visitor's flood of queries is
 * limited while the other's are still answered.
 */

let hosted: HostedWeb;
const contexts: BrowserContext[] = [];

test.beforeAll(async () => {
  hosted = await startHostedWeb();
});

// Open keep-alive connections of a visitor's context would hold the hosted server's shutdown.
test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

test.afterAll(async () => {
  await hosted?.stop();
});

async function visitor(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  contexts.push(context);
  const page = await context.newPage();
  const { link } = await hosted.invite(name);
  await page.goto(link);
  await expect(page.getByTestId("start-story")).toBeVisible();
  return page;
}

/** The warehouse's purchases as this visitor's SQL sees them (their cookies, their stop). */
async function warehouseCount(page: Page): Promise<number> {
  const response = await page.request.post(`${hosted.url}/api/query`, {
    data: { database: "warehouse", sql: "SELECT count(*) AS n FROM purchases" },
    headers: { origin: hosted.url },
  });
  expect(response.status(), await response.text()).toBe(200);
  return Number(((await response.json()) as { rows: number[][] }).rows[0]?.[0]);
}

test("one visitor's pipeline stop freezes their warehouse only; the other's keeps loading", async ({ browser }) => {
  test.setTimeout(180_000);
  const alice = await visitor(browser, "E2E visitor A");
  const bob = await visitor(browser, "E2E visitor B");
  // The connector flushes every 3 s in the e2e stack: wait until the warehouse has rows at all.
  await expect.poll(() => warehouseCount(bob), { timeout: 60_000 }).toBeGreaterThan(0);

  await alice.goto(`${hosted.url}/story/5`);
  await expect(alice.getByTestId("pipeline-scope-note")).toContainText("for you only");
  await alice.getByTestId("stop-pipeline").click();
  await expect(alice.getByTestId("start-pipeline")).toBeVisible();
  await expect(alice.getByTestId("pipeline-banner")).toHaveAttribute("data-state", "stopped");
  const aliceFrozen = await warehouseCount(alice);
  const bobBefore = await warehouseCount(bob);

  // Bob's warehouse loads the next batches; Alice's stays exactly where she stopped it.
  await expect.poll(() => warehouseCount(bob), { timeout: 30_000 }).toBeGreaterThan(bobBefore);
  expect(await warehouseCount(alice)).toBe(aliceFrozen);
  await bob.goto(`${hosted.url}/story/5`);
  await expect(bob.getByTestId("stop-pipeline")).toBeVisible();
  await expect(bob.getByTestId("pipeline-banner")).not.toHaveAttribute("data-state", "stopped");
  expect(await warehouseCount(alice)).toBe(aliceFrozen);

  // Restarting gives Alice the live warehouse again, with everything loaded meanwhile.
  await alice.getByTestId("start-pipeline").click();
  await expect(alice.getByTestId("stop-pipeline")).toBeVisible();
  await expect.poll(() => warehouseCount(alice), { timeout: 30_000 }).toBeGreaterThan(bobBefore);
});

test("a visitor flooding queries is limited with a retry time, in the API and the UI, while another's queries are answered", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const flooder = await visitor(browser, "E2E flooder");
  const neighbour = await visitor(browser, "E2E neighbour");

  // 80 queries at once, past the hosted limits (2 at once, 8 waiting, 60 a minute).
  const flood = await Promise.all(
    Array.from({ length: 80 }, () =>
      flooder.request.post(`${hosted.url}/api/query`, {
        data: { database: "kafka", sql: "SELECT customerid, sum(amount) FROM purchases GROUP BY customerid" },
        headers: { origin: hosted.url },
      }),
    ),
  );
  const statuses = flood.map((response) => response.status());
  expect(statuses.filter((status) => status === 429).length, `statuses: ${statuses.join(",")}`).toBeGreaterThan(0);
  expect(
    statuses.every((status) => status === 200 || status === 429),
    `statuses: ${statuses.join(",")}`,
  ).toBe(true);
  const refused = flood.find((response) => response.status() === 429)!;
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  const body = (await refused.json()) as { error: { code: string; retryAfterMs?: number } };
  expect(body.error.code).toMatch(/^rate_limit:/);
  expect(body.error.retryAfterMs).toBeGreaterThan(0);

  // The neighbour's query is answered: the flooder's limits are the flooder's alone.
  expect(await warehouseCount(neighbour)).toBeGreaterThan(0);

  // Light queries one after another until the minute's 60 are used up (those refused above may not count).
  let perMinute: { code: string; retryAfterMs?: number } | undefined;
  for (let i = 0; i < 80 && !perMinute; i++) {
    const response = await flooder.request.post(`${hosted.url}/api/query`, {
      data: { database: "kafka", sql: "SELECT 1" },
      headers: { origin: hosted.url },
    });
    if (response.status() === 429) perMinute = ((await response.json()) as { error: { code: string; retryAfterMs?: number } }).error;
  }
  expect(perMinute?.code).toBe("rate_limit:queries_per_minute");
  expect(await warehouseCount(neighbour)).toBeGreaterThan(0);

  // A run in the lab says so, and when to retry.
  await flooder.goto(`${hosted.url}/lab`);
  const pane = new SqlPane(flooder, "left");
  await pane.waitForEditor();
  await pane.runButton.click();
  await expect(pane.root.getByTestId("rate-limit-notice")).toContainText(/Too many queries - retry in \d+ s/);
});
