import type { Request } from "@playwright/test";
import { test, expect } from "./fixtures";
import { StoryPage } from "./pages/story-page";

/** Requests a page made to the API, by path (GET /api/live is one long-lived stream). */
function apiCalls(requests: Request[]): Record<string, number> {
  const calls: Record<string, number> = {};
  for (const request of requests) {
    const url = new URL(request.url());
    if (!url.pathname.startsWith("/api/")) continue;
    const key = `${request.method()} ${url.pathname}`;
    calls[key] = (calls[key] ?? 0) + 1;
  }
  return calls;
}

test.describe("live figures pushed by the server", () => {
  test("two open step 5 pages get their charts over one stream each and poll no query or status", async ({ page, context }) => {
    const second = await context.newPage();
    const requests: Request[] = [];
    for (const each of [page, second]) each.on("request", (request) => requests.push(request));
    await new StoryPage(page).goto(5);
    await new StoryPage(second).goto(5);

    for (const each of [page, second]) {
      await expect(each.getByTestId("live-count-kafka")).toHaveText(/^\d[\d,]*$/);
      await expect(each.getByTestId("live-count-warehouse")).toHaveText(/^\d[\d,]*$/);
      await expect(each.getByTestId("chart-top-customers")).toContainText("CU-1277");
      await expect(each.getByTestId("datasets-count-kafka")).toHaveText(/^\d+$/);
      await expect(each.getByTestId("chart-device-mix")).toContainText("of top spenders");
      await expect(each.getByTestId("pipeline-state")).toHaveText("Pipeline running");
    }
    // Kafka keeps growing on screen: the figures are live, not a one-off.
    // textContent, not innerText: the rows-over-time part of step 5 stays mounted but hidden until revealed.
    const kafkaNow = async () => Number(((await page.getByTestId("live-count-kafka").textContent()) ?? "").replace(/,/g, ""));
    const before = await kafkaNow();
    await expect.poll(kafkaNow, { timeout: 20_000 }).toBeGreaterThan(before);

    const calls = apiCalls(requests);
    expect(calls["GET /api/live"]).toBe(2);
    expect(calls["POST /api/query"] ?? 0).toBe(0);
    expect(calls["GET /api/status"] ?? 0).toBe(0);
    expect(calls["GET /api/catalog"] ?? 0).toBe(0);
    await second.close();
  });

  test("the stream is text/event-stream with a hello and the figures, and ends when the page goes", async ({ request, baseURL }) => {
    const controller = new AbortController();
    const response = await fetch(`${baseURL}/api/live`, { signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    expect(response.headers.get("cache-control")).toContain("no-transform");
    const reader = response.body!.getReader();
    let text = "";
    const decoder = new TextDecoder();
    while (!(text.includes("event: hello") && text.includes("event: counts") && text.includes("event: status"))) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    expect(text).toContain("retry: ");
    const counts = JSON.parse(/event: counts\ndata: (.*)\n/.exec(text)?.[1] ?? "null") as { value: { kafka: number }; asOf: string | null };
    expect(counts.value.kafka).toBeGreaterThan(0);
    expect(counts.asOf).toBeNull();
    controller.abort();
    // The status route still answers for tools and load balancers.
    expect((await request.get("/api/status")).ok()).toBe(true);
  });
});
