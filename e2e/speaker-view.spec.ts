import { test, expect } from "./fixtures";
import { StoryPage } from "./pages/story-page";
import type { Page } from "@playwright/test";

/** Sentences that only the speaker view may show (lib/story/speaker-notes.ts). */
const NOTES = [
  "Set the scene: a retail store, an analyst, a question about the best customers.",
  "One command, no Docker",
  "Rows over time: the warehouse climbs in steps",
];

async function expectNoNotes(audience: Page): Promise<void> {
  const html = await audience.content();
  for (const note of NOTES) expect(html, "the audience page holds speaker notes").not.toContain(note);
}

test.describe("the speaker view", () => {
  test("P opens it in its own window and a clicker in either window moves both; the audience never shows notes", async ({
    page,
    context,
  }) => {
    const story = new StoryPage(page);
    await story.goto(0);
    await expectNoNotes(page);

    const [speaker] = await Promise.all([context.waitForEvent("page"), page.keyboard.press("p")]);
    const view = speaker.getByTestId("speaker-view");
    await expect(view).toHaveAttribute("data-step-id", "problem");
    await expect(speaker.locator("html")).toHaveAttribute("data-deck-sync", "ready");
    await expect(speaker.getByTestId("speaker-notes")).toContainText(NOTES[0]!);
    await expect(speaker.getByTestId("speaker-next-step")).toContainText("The whole environment is already running");
    await expect(speaker.getByTestId("speaker-elapsed")).toHaveText(/^\d\d:\d\d$/);
    await expect(speaker.getByTestId("speaker-clock")).toHaveText(/^\d\d:\d\d$/);
    await expect(speaker.getByTestId("pipeline-state")).not.toBeEmpty();

    // The speaker's clicker moves the audience.
    await speaker.keyboard.press("PageDown");
    await story.expectStep(1);
    await expect(view).toHaveAttribute("data-step-id", "environment");
    await expect(speaker.getByTestId("speaker-notes")).toContainText(NOTES[1]!);
    await expectNoNotes(page);

    // The audience's clicker moves the speaker view.
    await expect(page.locator("html")).toHaveAttribute("data-story-keys", "ready");
    await page.keyboard.press("PageDown");
    await story.expectStep(2);
    await expect(view).toHaveAttribute("data-step-id", "workspace");

    // Into step 5's fragments from the speaker window: the audience follows fragment by fragment.
    for (let i = 0; i < 4; i++) await speaker.keyboard.press("PageDown");
    await story.expectStep(5, 1);
    await expect(view).toHaveAttribute("data-fragment", "1");
    await expect(speaker.getByTestId("fragment-note").first()).toContainText(NOTES[2]!);
    await expectNoNotes(page);
    await page.keyboard.press("PageUp");
    await story.expectStep(5, 0);
    await expect(view).toHaveAttribute("data-fragment", "0");

    // B in the speaker window blanks the audience; B in the audience shows it again.
    await speaker.keyboard.press("b");
    await expect(page.getByTestId("blank-screen")).toBeVisible();
    await expect(speaker.getByTestId("speaker-blank")).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("b");
    await expect(page.getByTestId("blank-screen")).toHaveCount(0);
    await expect(speaker.getByTestId("speaker-blank")).toHaveAttribute("aria-pressed", "false");

    await speaker.setViewportSize({ width: 1280, height: 720 });
    await speaker.screenshot({ path: "test-results/screenshots/speaker-view-1280x720.png" });
    await page.screenshot({ path: "test-results/screenshots/speaker-audience-1280x720.png" });
  });

  test("a reload keeps the fragment showing, and only that fragment shows", async ({ page }) => {
    const story = new StoryPage(page);
    await story.goto(5, "?f=2");
    await expect(story.main).toHaveAttribute("data-fragment", "2");
    await page.reload();
    await expect(story.main).toHaveAttribute("data-fragment", "2");
    await expect(page.getByTestId("chart-datasets")).toBeVisible();
    await expect(page.getByTestId("chart-device-mix")).toBeHidden();
  });
});
