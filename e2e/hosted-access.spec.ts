import { expect, test, type ConsoleMessage, type Page } from "@playwright/test";
import { startHostedWeb, type HostedWeb } from "./hosted-web";
import { SqlPane } from "./pages/sql-pane";

/**
 * Hosted mode in Chromium: a second web instance (hosted) beside the local one the stack runs.
 * Without an invitation nothing is reachable; the link lets a visitor in; revoking it shuts them out.
 */

let hosted: HostedWeb;

test.beforeAll(async () => {
  hosted = await startHostedWeb();
});

test.afterAll(async () => {
  await hosted?.stop();
});

async function expectInvitationPage(page: Page, path: string): Promise<void> {
  const response = await page.goto(`${hosted.url}${path}`);
  expect(response?.status()).toBe(401);
  await expect(page.getByRole("heading", { name: "You need an invitation" })).toBeVisible();
  // No app chrome: no story navigation, no editors, no numbers.
  await expect(page.getByTestId("start-story")).toHaveCount(0);
}

test("without an invitation every page shows the invitation page and every API answers 401", async ({ page, request }) => {
  await expectInvitationPage(page, "/");
  await expectInvitationPage(page, "/story/3");
  await expectInvitationPage(page, "/lab");
  for (const api of ["/api/status", "/api/catalog?database=kafka", "/api/kafka/topics"]) {
    const response = await request.get(`${hosted.url}${api}`);
    expect(response.status(), api).toBe(401);
    expect((await response.json()).error.code).toBe("invitation_required");
  }
  const query = await request.post(`${hosted.url}/api/query`, { data: { database: "kafka", sql: "SHOW TABLES" } });
  expect(query.status()).toBe(401);
  // The load balancer's checks stay reachable and say nothing but ok.
  const live = await request.get(`${hosted.url}/api/health/live`);
  expect(await live.json()).toEqual({ ok: true });
  const ready = await request.get(`${hosted.url}/api/health/ready`);
  expect(Object.keys(await ready.json())).toEqual(["ok"]);
});

test("an invitation link lets the visitor in, records the visit, and stops working once revoked", async ({ page, context }) => {
  const { id, link } = await hosted.invite("E2E Acme");
  await page.goto(link);
  await expect(page).toHaveURL(`${hosted.url}/`);
  const cookies = await context.cookies(hosted.url);
  const invitation = cookies.find((cookie) => cookie.name === "fomo_invitation");
  expect(invitation).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  expect(cookies.find((cookie) => cookie.name === "fomo_visitor")?.value).toMatch(/^[A-Za-z0-9_-]{22}$/);
  await expect(page.getByTestId("start-story")).toBeVisible();

  await page.goto(`${hosted.url}/story/3`);
  await expect(page.getByTestId("invitation-required")).toHaveCount(0);
  const status = await page.request.get(`${hosted.url}/api/status`);
  expect(status.status()).toBe(200);
  const query = await page.request.post(`${hosted.url}/api/query`, {
    data: { database: "kafka", sql: "SELECT count(*) AS n FROM purchases" },
    headers: { origin: hosted.url },
  });
  expect(query.status()).toBe(200);

  // Visits are written in batches within a few seconds, never on the request path.
  await expect
    .poll(() => hosted.visits(id), { timeout: 15_000 })
    .toEqual(expect.arrayContaining(["/invite (link opened)", "/", "/story/3"]));

  await hosted.revoke(id);
  // Standings are cached for 5 s: within seconds the same browser is shut out.
  await expect.poll(async () => (await page.request.get(`${hosted.url}/api/status`)).status(), { timeout: 15_000 }).toBe(401);
  const response = await page.goto(`${hosted.url}/story/3`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "This invitation has ended" })).toBeVisible();
  // Opening the revoked link again does not let the visitor back in.
  expect((await page.goto(link))?.status()).toBe(403);
});

test("a cross-site POST is refused even with a valid invitation", async ({ page }) => {
  const { link } = await hosted.invite("E2E cross-site");
  await page.goto(link);
  const response = await page.request.post(`${hosted.url}/api/pipeline`, {
    data: { action: "stop" },
    headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.code).toBe("forbidden:cross_site");
});

test("Monaco works in /lab under the Content-Security-Policy, with no CSP violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message: ConsoleMessage) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const { link } = await hosted.invite("E2E lab");
  await page.goto(link);
  const response = await page.goto(`${hosted.url}/lab`);
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(response?.headers()["x-content-type-options"]).toBe("nosniff");
  const kafka = new SqlPane(page, "right");
  await kafka.setSql("SELECT 42 AS answer");
  expect(await kafka.editorText()).toContain("SELECT 42 AS answer");
  await kafka.run();
  await expect(kafka.resultTable).toContainText("42");
  await page.screenshot({ path: "test-results/hosted-lab-csp-1280.png" });
  expect(violations).toEqual([]);
});
