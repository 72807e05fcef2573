import { test, expect } from "./fixtures";
import { StoryPage } from "./pages/story-page";

const FLUSH_MS = 3000;

async function readCount(text: Promise<string>): Promise<number> {
  return Number((await text).replace(/,/g, ""));
}

test.describe("the pipeline control", () => {
  test("stopping the pipeline freezes the warehouse while Kafka keeps growing", async ({ page }) => {
    test.setTimeout(180_000);
    const story = new StoryPage(page);
    // The rows-over-time fragment of step 5 shows both counts under the pipeline control.
    await story.gotoDifference("rows");
    const warehouse = page.getByTestId("live-count-warehouse");
    const kafka = page.getByTestId("live-count-kafka");
    await expect(warehouse).toHaveText(/^\d[\d,]*$/);
    await expect(page.getByTestId("pipeline-state")).toHaveText("Pipeline running");

    await page.getByTestId("stop-pipeline").click();
    await expect(page.getByTestId("pipeline-state")).toHaveText("Pipeline stopped");
    // A visitor who leaves it stopped does not freeze the hosted demo for the next one.
    await expect(page.getByTestId("pipeline-detail")).toContainText(/Restarts on its own at \d/);
    // Let any flush that was in flight land, then watch the two counts.
    await page.waitForTimeout(FLUSH_MS * 2);
    const warehouseBefore = await readCount(warehouse.innerText());
    const kafkaBefore = await readCount(kafka.innerText());
    await page.waitForTimeout(FLUSH_MS * 3);
    await expect.poll(() => readCount(kafka.innerText())).toBeGreaterThan(kafkaBefore);
    expect(await readCount(warehouse.innerText())).toBe(warehouseBefore);
    await story.screenshotBothSizes("step-5-pipeline-stopped");

    await page.getByTestId("start-pipeline").click();
    await expect(page.getByTestId("pipeline-state")).toHaveText("Pipeline running");
    await expect.poll(() => readCount(warehouse.innerText()), { timeout: 30_000 }).toBeGreaterThan(warehouseBefore);
  });
});
