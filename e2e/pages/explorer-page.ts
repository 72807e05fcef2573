import { expect, type Locator, type Page, type TestInfo } from "@playwright/test";

function countOf(text: string | null): number {
  return Number((text ?? "").replace(/[^0-9]/g, ""));
}

/** The Kafka explorer (/kafka): topics, a topic's live tail and search, consumer groups. */
export class ExplorerPage {
  readonly topicsTable: Locator;
  readonly tailMessages: Locator;
  readonly tailState: Locator;
  readonly searchResults: Locator;
  readonly searchStatus: Locator;

  constructor(readonly page: Page) {
    this.topicsTable = page.getByRole("table", { name: "Topics" });
    this.tailMessages = page.getByRole("list", { name: "Live tail messages" }).getByTestId("kafka-message");
    this.tailState = page.getByTestId("tail-state");
    this.searchResults = page.getByRole("list", { name: "Search results" }).getByTestId("kafka-message");
    this.searchStatus = page.getByTestId("search-status");
  }

  async gotoTopics(): Promise<void> {
    await this.page.goto("/kafka");
    await expect(this.page.getByRole("heading", { name: "Topics", level: 1 })).toBeVisible();
  }

  topicRow(topic: string): Locator {
    return this.page.getByTestId(`topic-row-${topic}`);
  }

  async messageCount(topic: string): Promise<number> {
    return countOf(await this.topicRow(topic).getByTestId("topic-messages").textContent());
  }

  async gotoTopic(topic: string): Promise<void> {
    await this.page.goto(`/kafka/topics/${encodeURIComponent(topic)}`);
    await expect(this.page.getByRole("heading", { name: `Topics / ${topic}`, level: 1 })).toBeVisible();
    // The heading is server-rendered; the tail going live proves the page's client side runs, so
    // the search form below it no longer submits natively or loses what is typed into it.
    await expect(this.tailState).toHaveText("Live");
  }

  /** "partition:offset" of the newest message in the live tail. */
  async newestTailMessage(): Promise<string> {
    const first = this.tailMessages.first();
    return (await first.getAttribute("aria-label")) ?? "";
  }

  async search(
    field: "Key equals" | "Value contains",
    text: string,
    start: "Newest messages" | "Beginning" = "Beginning",
    cap = 100_000,
  ): Promise<void> {
    const form = this.page.getByRole("form", { name: "Search messages" });
    await form.getByLabel("Search in").selectOption({ label: field });
    await form.getByLabel("Search text").fill(text);
    await form.getByLabel("Range starts at").selectOption({ label: start });
    await form.getByLabel("Message cap").fill(String(cap));
    await form.getByRole("button", { name: "Search", exact: true }).click();
  }

  async gotoGroups(): Promise<void> {
    await this.page.goto("/kafka/groups");
    await expect(this.page.getByRole("heading", { name: "Consumer groups", level: 1 })).toBeVisible();
  }

  groupRow(groupId: string): Locator {
    return this.page.getByTestId(`group-row-${groupId}`);
  }

  async groupLag(): Promise<number> {
    return countOf(await this.page.getByTestId("group-lag").textContent());
  }

  /** Saves the page at both projector sizes as test artifacts, then restores the first size. */
  async screenshotBothSizes(name: string, testInfo: TestInfo): Promise<void> {
    const original = this.page.viewportSize();
    for (const size of [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]) {
      await this.page.setViewportSize(size);
      await this.page.screenshot({ path: testInfo.outputPath(`${name}-${size.width}x${size.height}.png`), fullPage: false });
    }
    if (original) await this.page.setViewportSize(original);
  }
}
