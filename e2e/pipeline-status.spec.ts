import { test, expect } from "./fixtures";
import { PipelineBanner } from "./pages/pipeline-banner";
import { StoryPage } from "./pages/story-page";
import { pauseGenerator, revokeWriterInsert } from "./stack-faults";

/** A flush retried after a failure may wait for the connector's backoff (30 s at most) plus one flush. */
const RECOVERY_MS = 60_000;

interface PipelineField {
  state: string;
  headline: string;
}

test.describe("the pipeline status tells the truth", () => {
  test("failing flushes show 'Pipeline failing' with the cause on step 5, step 1, the diagram, the home page and /api/status, then running again", async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const story = new StoryPage(page);
    const banner = new PipelineBanner(page);
    const pipelineOfApi = async () => ((await (await page.request.get("/api/status")).json()) as { pipeline: PipelineField }).pipeline;

    await story.goto(5);
    await expect(banner.headline).toHaveText("Pipeline running", { timeout: RECOVERY_MS });

    const restoreInsert = await revokeWriterInsert();
    try {
      await expect(banner.headline).toHaveText(/^Pipeline failing: .*INSERT command denied/, { timeout: 30_000 });
      await expect(banner.root).toHaveAttribute("data-tone", "bad");
      // The control still offers to stop: failing is not stopped.
      await expect(page.getByTestId("stop-pipeline")).toBeVisible();
      await story.screenshotBothSizes("step-5-pipeline-failing");

      const api = await pipelineOfApi();
      expect(api.state).toBe("failing");
      expect(api.headline).toMatch(/^Pipeline failing: .*INSERT command denied/);

      await story.goto(1);
      await expect(banner.headline).toHaveText(/^Pipeline failing: .*INSERT command denied/);
      await expect(page.getByTestId("service-connector-badge")).toHaveText("failing");
      await story.screenshotBothSizes("step-1-pipeline-failing");

      await story.goto(0);
      await expect(page.getByTestId("diagram-pipeline-state")).toHaveText(/^Pipeline failing: .*INSERT command denied/);
      await expect(page.getByTestId("diagram-connector")).toContainText("FAILING");
      await story.screenshotBothSizes("step-0-pipeline-failing");

      await page.goto("/");
      await expect(banner.headline).toHaveText(/^Pipeline failing: .*INSERT command denied/);
      await expect(page.getByTestId("service-connector")).toHaveAttribute("data-badge", "failing");
      await story.screenshotBothSizes("home-pipeline-failing");
    } finally {
      await restoreInsert();
    }

    // Still on the home page.
    await expect(banner.headline).toHaveText("Pipeline running", { timeout: RECOVERY_MS });
    await story.goto(0);
    await expect(page.getByTestId("diagram-pipeline-state")).toHaveText("Pipeline running");
    await story.goto(5);
    await expect(banner.headline).toHaveText("Pipeline running", { timeout: RECOVERY_MS });
    await expect(banner.root).toHaveAttribute("data-tone", "ok");
    await expect.poll(async () => (await pipelineOfApi()).state).toBe("running");
  });

  test("a paused generator shows 'Generator paused' on step 5 and no longer says Kafka keeps growing", async ({ page }) => {
    const story = new StoryPage(page);
    const banner = new PipelineBanner(page);
    await story.goto(5);
    await expect(banner.headline).toHaveText("Pipeline running", { timeout: RECOVERY_MS });

    const resume = await pauseGenerator();
    try {
      await expect(banner.headline).toHaveText("Generator paused");
      await expect(banner.detail).not.toContainText("Kafka keeps growing");
      await expect(banner.detail).toContainText("No new events arrive");
      await story.screenshotBothSizes("step-5-generator-paused");

      // Stopping the pipeline meanwhile: stopped leads, and the Kafka side is not said to be live.
      await page.getByTestId("stop-pipeline").click();
      await expect(banner.headline).toHaveText("Pipeline stopped");
      await expect(banner.detail).toContainText("the generator is paused");
      await page.getByTestId("start-pipeline").click();
      await expect(banner.headline).toHaveText("Generator paused");
    } finally {
      await resume();
    }
    await expect(banner.headline).toHaveText("Pipeline running", { timeout: RECOVERY_MS });
  });
});
