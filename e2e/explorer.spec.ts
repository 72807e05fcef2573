import { expect, test } from "./fixtures";
import { ExplorerPage } from "./pages/explorer-page";

const CONNECTOR_GROUP = "fomo-warehouse-sink";

test.describe("Kafka explorer", () => {
  test("lists purchases and requestlog with message counts that grow", async ({ page }, testInfo) => {
    const explorer = new ExplorerPage(page);
    await explorer.gotoTopics();
    await expect(explorer.topicRow("purchases")).toBeVisible();
    await expect(explorer.topicRow("requestlog")).toBeVisible();
    await expect.poll(() => explorer.messageCount("purchases"), { timeout: 60_000 }).toBeGreaterThanOrEqual(10_000);
    const purchases = await explorer.messageCount("purchases");
    const requestlog = await explorer.messageCount("requestlog");
    await expect.poll(() => explorer.messageCount("purchases"), { timeout: 30_000 }).toBeGreaterThan(purchases);
    await expect.poll(() => explorer.messageCount("requestlog"), { timeout: 30_000 }).toBeGreaterThan(requestlog);
    await expect(explorer.topicRow("purchases")).toContainText("msg/s");
    // Internal topics stay hidden until asked for.
    await expect(explorer.topicRow("__consumer_offsets")).toHaveCount(0);
    await page.getByLabel("Show internal topics").check();
    await expect(explorer.topicRow("__consumer_offsets")).toBeVisible();
    await explorer.screenshotBothSizes("explorer-topics", testInfo);
  });

  test("shows a new message arriving in the live tail, newest first, and pauses", async ({ page }, testInfo) => {
    const explorer = new ExplorerPage(page);
    await explorer.gotoTopic("purchases");
    await expect(explorer.tailState).toHaveText("Live");
    await expect(explorer.tailMessages.first()).toBeVisible();
    const newest = await explorer.newestTailMessage();
    await expect.poll(() => explorer.newestTailMessage(), { timeout: 30_000 }).not.toBe(newest);
    await expect(explorer.tailMessages.first()).toContainText('"customerId"');
    await explorer.screenshotBothSizes("explorer-topic-tail", testInfo);

    await page.getByRole("button", { name: "Pause" }).click();
    await expect(explorer.tailState).toHaveText("Paused");
    const whilePaused = await explorer.newestTailMessage();
    await page.waitForTimeout(3_000);
    expect(await explorer.newestTailMessage()).toBe(whilePaused);
    await page.getByRole("button", { name: "Resume" }).click();
    await expect(explorer.tailState).toHaveText("Live");
    await expect.poll(() => explorer.newestTailMessage(), { timeout: 30_000 }).not.toBe(whilePaused);
  });

  test("finds the messages of a customer by key", async ({ page }, testInfo) => {
    const explorer = new ExplorerPage(page);
    await explorer.gotoTopic("purchases");
    await explorer.search("Key equals", "CU-1277");
    await expect(explorer.searchStatus).toContainText("searched the whole range", { timeout: 60_000 });
    await expect(explorer.searchResults.first()).toBeVisible();
    const keys = await explorer.searchResults.getByTestId("message-key").allTextContents();
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys)).toEqual(new Set(["CU-1277"]));
    await expect(page.getByRole("progressbar", { name: "Search progress" })).toHaveAttribute("aria-valuenow", "100");
    await explorer.screenshotBothSizes("explorer-search", testInfo);
  });

  test("shows the connector's consumer group and its lag", async ({ page }, testInfo) => {
    const explorer = new ExplorerPage(page);
    await explorer.gotoGroups();
    const row = explorer.groupRow(CONNECTOR_GROUP);
    await expect(row).toBeVisible({ timeout: 60_000 });
    await expect(row).toContainText("warehouse sink connector");
    await expect(row).toContainText("purchases");
    await row.getByRole("link", { name: CONNECTOR_GROUP }).click();
    await expect(page.getByRole("heading", { name: `Consumer groups / ${CONNECTOR_GROUP}`, level: 1 })).toBeVisible();
    await expect(page.getByTestId("group-lag")).toHaveText(/^\d[\d,]*$/);
    const perPartition = page.getByRole("table", { name: "Offsets and lag per partition" });
    await expect(perPartition.getByRole("row")).toHaveCount(4);
    await expect(page.getByRole("img", { name: /Lag over time/ })).toBeVisible({ timeout: 30_000 });
    expect(await explorer.groupLag()).toBeGreaterThanOrEqual(0);
    await explorer.screenshotBothSizes("explorer-connector-group", testInfo);
  });
});
