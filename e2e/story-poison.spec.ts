import { poisonCorpus, producePoison } from "../server/stack/testing/poison-corpus";
import { test, expect } from "./fixtures";
import { StoryPage } from "./pages/story-page";
import { e2eStackConfig } from "./stack-env";

/** The stack playwright.config.ts starts (test profile, .stack-e2e, ports from the environment). */
const stackConfig = e2eStackConfig();

async function readCount(text: Promise<string>): Promise<number> {
  return Number((await text).replace(/,/g, ""));
}

test.describe("the story with bad data in Kafka", () => {
  test("a poison batch produced mid-walkthrough leaves CU-1277 on top on both sides and the warehouse loading", async ({ page }) => {
    test.setTimeout(240_000);
    const story = new StoryPage(page);

    // Step 3 before the poison: the warehouse has loaded the backlog, CU-1277 on top.
    await story.goto(3);
    await story.left.waitForEditor();
    await expect(async () => {
      await story.left.run();
      expect(await story.left.firstCell()).toBe("CU-1277");
    }).toPass({ timeout: 60_000 });

    // Mid-walkthrough, a bad producer writes 300 malformed and odd messages (every class, one ~1 MB value).
    const corpus = poisonCorpus({ seed: 4242, size: 300, hugeValueBytes: 1_000_000 });
    const produced = await producePoison(stackConfig.kafka.brokers, "purchases", corpus, 3);
    expect(produced).toHaveLength(300);

    await story.gotoDifference("rows");
    const warehouse = page.getByTestId("live-count-warehouse");
    await expect(warehouse).toHaveText(/^\d[\d,]*$/);
    const warehouseAtPoison = await readCount(warehouse.innerText());

    // Step 4: the seed's queries on Kafka still answer, CU-1277 first, with its five devices.
    await story.goto(4);
    await story.left.waitForEditor();
    await story.suggestion("show-tables").click();
    await expect.poll(() => story.right.column(0)).toEqual(expect.arrayContaining(["purchases", "requestlog"]));
    await story.suggestion("top3-both").click();
    await expect(story.right.rowCount).toHaveText("3");
    expect(await story.right.firstCell()).toBe("CU-1277");
    await story.right.resultTable.getByRole("button", { name: "Look at the devices of CU-1277" }).click();
    await expect(story.right.rowCount).toHaveText("5");
    await story.screenshotBothSizes("step-4-after-poison");

    // Step 5: the charts keep CU-1277, and the warehouse keeps loading past the poison.
    await story.gotoDifference("top-customers");
    await expect(page.getByTestId("chart-top-customers")).toContainText("CU-1277");
    await page.keyboard.press("PageDown");
    await story.expectStep(5, 1);
    await expect.poll(() => readCount(warehouse.innerText()), { timeout: 60_000 }).toBeGreaterThan(warehouseAtPoison + 20);
    await expect(page.getByTestId("pipeline-state")).not.toContainText(/fail/i);
    await story.screenshotBothSizes("step-5-after-poison");

    // Step 3 again: the warehouse, loaded past the poison, still names CU-1277 first.
    await story.goto(3);
    await story.left.waitForEditor();
    await story.left.run();
    await expect(story.left.rowCount).toHaveText("3");
    expect(await story.left.firstCell()).toBe("CU-1277");
  });
});
