import { test, expect } from "./fixtures";
import { StoryPage } from "./pages/story-page";

const USER_AGENT_COUNT = 5;

test.describe("the guided story", () => {
  test("a newcomer walks from the problem to the difference and sees the seed's answers", async ({ page }) => {
    const story = new StoryPage(page);

    // Step 0: the problem, with a live architecture diagram.
    await story.goto(0);
    await expect(page.getByTestId("architecture-diagram")).toBeVisible();
    await expect(page.getByTestId("diagram-rate")).toContainText("msg/s");
    await story.screenshotBothSizes("step-0-problem");

    // Keyboard navigation, as with a presenter's clicker.
    await page.keyboard.press("ArrowRight");
    await story.expectStep(1);

    // Step 1: every service healthy.
    for (const service of ["kafka", "warehouse", "generator", "connector", "engine", "web"]) {
      await expect(page.getByTestId(`service-${service}`)).toHaveAttribute("data-healthy", "true", { timeout: 60_000 });
    }
    await story.screenshotBothSizes("step-1-environment");

    await page.keyboard.press("PageDown");
    await story.expectStep(2);

    // Step 2: the same count on both sides, and the diff between them.
    await story.left.waitForEditor();
    await story.right.waitForEditor();
    await story.runBoth.click();
    await expect(story.left.rowCount).toHaveText("1");
    await expect(story.right.rowCount).toHaveText("1");
    await expect(story.right.freshness).toContainText("saw offsets up to purchases");
    await expect(page.getByTestId("result-diff")).toBeVisible();
    await story.screenshotBothSizes("step-2-workspace");

    await page.getByTestId("next-step").click();
    await story.expectStep(3);

    // Step 3: the seed's top-3 query on the warehouse names CU-1277 first (once the pipeline has loaded).
    await story.left.waitForEditor();
    await expect(async () => {
      await story.left.run();
      expect(await story.left.firstCell()).toBe("CU-1277");
    }).toPass({ timeout: 60_000 });
    await expect(story.left.rowCount).toHaveText("3");
    await expect(story.left.chart).toBeVisible();
    await story.screenshotBothSizes("step-3-warehouse");

    await page.keyboard.press("ArrowRight");
    await story.expectStep(4);

    // Step 4: one table in the warehouse, more in Kafka.
    await story.left.waitForEditor();
    await story.suggestion("show-tables").click();
    await expect(story.left.rowCount).toHaveText("1");
    expect(await story.left.column(0)).toEqual(["purchases"]);
    await expect.poll(() => story.right.column(0)).toEqual(expect.arrayContaining(["purchases", "requestlog"]));

    // The same top-3 on Kafka: CU-1277 on top there too.
    await story.suggestion("top3-both").click();
    await expect(story.right.rowCount).toHaveText("3");
    expect(await story.right.firstCell()).toBe("CU-1277");

    // Clicking the customer loads the seed's device query for them: five user agents.
    await story.right.resultTable.getByRole("button", { name: "Look at the devices of CU-1277" }).click();
    await expect(story.right.rowCount).toHaveText(String(USER_AGENT_COUNT));
    expect(await story.right.editorText()).toContain("customerid='CU-1277'");
    const agents = await story.right.column(0);
    expect(agents).toHaveLength(USER_AGENT_COUNT);
    for (const agent of agents) expect(agent).toMatch(/^Mozilla\/5\.0 /);

    // The same on the warehouse: the real MySQL error, the table does not exist there.
    await story.suggestion("devices-warehouse").click();
    await expect(story.left.error).toContainText("requestlog");
    await expect(story.left.error).toContainText("doesn't exist");
    await story.screenshotBothSizes("step-4-kafka");

    await page.keyboard.press("ArrowRight");
    await story.expectStep(5);

    // Step 5, in fragments revealed one by one: every chart is fed by live queries.
    await expect(page.getByTestId("chart-top-customers")).toBeVisible();
    await expect(page.getByTestId("chart-top-customers")).toContainText("CU-1277");
    await story.screenshotBothSizes("step-5-difference-top-customers");
    await page.keyboard.press("PageDown");
    await story.expectStep(5, 1);
    await expect(page.getByTestId("live-count-kafka")).toHaveText(/^\d[\d,]*$/);
    await expect(page.getByTestId("live-count-warehouse")).toHaveText(/^\d[\d,]*$/);
    await story.screenshotBothSizes("step-5-difference-rows");
    await page.keyboard.press("PageDown");
    await story.expectStep(5, 2);
    await expect(page.getByTestId("datasets-count-warehouse")).toHaveText("1");
    await expect(page.getByTestId("datasets-count-kafka")).not.toHaveText("1");
    await page.keyboard.press("PageDown");
    await story.expectStep(5, 3);
    await expect(page.getByTestId("chart-device-mix")).toBeVisible();
    await expect(page.getByTestId("chart-device-mix")).toContainText("of top spenders");
    await story.screenshotBothSizes("step-5-difference-answer");

    // The end: what to do next, and the footer's last action opens the SQL lab.
    await expect(page.getByTestId("what-next")).toBeVisible();
    await page.getByTestId("next-step").click();
    await expect(page).toHaveURL(/\/lab$/);
  });

  test("arrow keys typed in the editor stay in the editor", async ({ page }) => {
    const story = new StoryPage(page);
    await story.goto(3);
    await story.left.waitForEditor();
    await story.left.editor.click();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("PageDown");
    await story.expectStep(3);
  });

  test("? lists the shortcuts; presenter mode enlarges the type and never shows speaker notes", async ({ page }) => {
    const story = new StoryPage(page);
    await story.goto(0);
    await page.keyboard.press("?");
    const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("Next step");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    await expect(page.getByTestId("speaker-notes")).toHaveCount(0);
    await story.goto(4, "?presenter=1");
    await expect(page.locator("html")).toHaveClass(/presenter/);
    // Notes live only in the speaker view's window (P), never over the audience's content.
    await expect(page.getByTestId("speaker-notes")).toHaveCount(0);
    await story.screenshotBothSizes("step-4-presenter");
    await page.getByTestId("presenter-toggle").click();
    await expect(page.locator("html")).not.toHaveClass(/presenter/);
  });
});
