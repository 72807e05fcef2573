import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { StoryPage } from "./pages/story-page";

const MIN_PX = 18;

/**
 * Every visible text on the page and its rendered size in px. HTML text: its computed font size.
 * SVG text (charts, the diagram): its font size times the SVG's scale on screen, since a viewBox
 * shrinks what the computed style says. Hidden text (display/visibility/opacity, zero-size,
 * screen-reader-only 1px boxes) is not visible, so it is not checked.
 */
async function smallTexts(page: Page): Promise<{ text: string; px: number; where: string }[]> {
  return page.evaluate((min) => {
    const small: { text: string; px: number; where: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? "";
      const element: Element | null = node.parentElement;
      if (!text || !element) continue;
      if (!element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      // Screen-reader-only text sits in a clipped 1x1 px box.
      const own = element.getBoundingClientRect();
      if (own.width <= 1 || own.height <= 1) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      let px = Number.parseFloat(getComputedStyle(element).fontSize);
      if (element instanceof SVGGraphicsElement) {
        const matrix = element.getScreenCTM();
        if (matrix) px *= Math.hypot(matrix.a, matrix.b);
      }
      if (px < min - 0.01) {
        const where = [
          element.tagName.toLowerCase(),
          element.getAttribute("data-testid") ?? "",
          String(element.className?.toString().slice(0, 60) ?? ""),
        ].join(" ");
        small.push({ text: text.slice(0, 60), px: Math.round(px * 10) / 10, where });
      }
    }
    return small;
  }, MIN_PX);
}

test.describe("presenter mode on a 1280x720 projector", () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test("no visible text on any step is smaller than 18 px", async ({ page }) => {
    const story = new StoryPage(page);
    await story.goto(0, "?presenter=1");
    await expect(page.locator("html")).toHaveClass(/presenter/);
    for (let step = 0; step <= 5; step++) {
      if (step > 0) {
        await page.keyboard.press("ArrowRight");
        await story.expectStep(step);
      }
      // Let the live parts draw: editors and their results, charts with their axes.
      if (step === 0) await expect(page.getByTestId("diagram-kafka")).toContainText(/\d/);
      if (step >= 2 && step <= 4) await expect(page.locator(".monaco-editor").first()).toBeVisible();
      if (step === 4) await expect(page.getByTestId("top3-comparison")).toBeVisible({ timeout: 60_000 });
      if (step === 5) await expect(page.locator(".recharts-cartesian-axis-tick-value").first()).toBeVisible();
      await page.waitForTimeout(500);
      expect(await smallTexts(page), `text under ${MIN_PX} px on step ${step}`).toEqual([]);
    }
  });
});
