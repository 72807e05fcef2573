import { test, expect } from "./fixtures";
import { StoryPage } from "./pages/story-page";

test.describe("the SQL editors", () => {
  test("a bad query shows the error and marks its line in the editor", async ({ page }) => {
    const story = new StoryPage(page);
    await story.goto(4);
    await story.right.setSql("SELECT customerid,\nFROM purchases\nGROUPP BY customerid");
    await story.right.runWithKeyboard();
    await expect(story.right.error).toContainText("syntax error");
    await expect(story.right.error).toContainText("line 3");
    await expect(story.right.editorWrapper).toHaveAttribute("data-error-line", "3");
    await expect(story.right.root.locator(".fomo-error-line")).toHaveCount(1);
    await expect(story.right.root.locator(".squiggly-error")).not.toHaveCount(0);
    await story.screenshotBothSizes("error-marked");

    // Editing the text clears the mark.
    await story.right.editor.click();
    await page.keyboard.press("End");
    await page.keyboard.insertText(" ");
    await expect(story.right.root.locator(".fomo-error-line")).toHaveCount(0);
  });

  test("editor contents and progress survive a reload, and Reset clears them", async ({ page }) => {
    const story = new StoryPage(page);
    await story.goto(3);
    const custom = "SELECT count(*) AS kept FROM purchases;";
    await story.left.setSql(custom);
    await expect.poll(() => story.left.editorText()).toContain("kept");

    await page.reload();
    await story.left.waitForEditor();
    await expect.poll(() => story.left.editorText()).toContain("SELECT count(*) AS kept FROM purchases;");
    await expect(story.progress.getByRole("link", { name: "Step 3: Warehouse" })).toHaveAttribute("aria-current", "step");

    await story.goto(2);
    await expect(story.progress.getByRole("link", { name: "Step 3: Warehouse (visited)" })).toBeVisible();

    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByTestId("reset-story").click();
    await story.expectStep(0);
    await page.goto("/story/3");
    await story.left.waitForEditor();
    await expect.poll(() => story.left.editorText()).toContain("ORDER BY total DESC LIMIT 3");
  });

  test("the lab keeps a history of the queries it ran", async ({ page }) => {
    await page.goto("/lab");
    const run = page.getByTestId("run-both");
    await expect(page.getByTestId("pane-left").locator(".monaco-editor")).toBeVisible({ timeout: 60_000 });
    await run.click();
    await expect(page.getByTestId("pane-left").getByTestId("row-count")).toBeVisible();
    await expect(page.getByTestId("pane-right").getByTestId("row-count")).toBeVisible();
    await expect(page.getByTestId("result-diff")).toBeVisible();
    const history = page.getByTestId("query-history");
    await expect(history.getByRole("listitem")).toHaveCount(2);
    await page.reload();
    await expect(history.getByRole("listitem")).toHaveCount(2);
    await page.screenshot({ path: "test-results/screenshots/lab-1280x720.png" });
  });
});
