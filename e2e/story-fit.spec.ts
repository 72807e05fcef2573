import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { SIZES, StoryPage } from "./pages/story-page";

/** Every place a clicker stops at, in order: steps 0-4, then step 5's four fragments. */
const STOPS = [
  { step: 0, fragment: 0 },
  { step: 1, fragment: 0 },
  { step: 2, fragment: 0 },
  { step: 3, fragment: 0 },
  { step: 4, fragment: 0 },
  { step: 5, fragment: 0 },
  { step: 5, fragment: 1 },
  { step: 5, fragment: 2 },
  { step: 5, fragment: 3 },
];

/** The part of the window nothing covers: below the sticky header, above the fixed footer. */
async function openArea(page: Page): Promise<{ top: number; bottom: number; width: number }> {
  const header = await page.locator("header").first().boundingBox();
  const footer = await page.getByTestId("story-footer").boundingBox();
  const viewport = page.viewportSize()!;
  return { top: header ? header.y + header.height : 0, bottom: footer ? footer.y : viewport.height, width: viewport.width };
}

/** Waits until a stop's content has laid out (live data, editors), so its final size is measured. */
async function settle(page: Page, step: number): Promise<void> {
  if (step === 1) await expect(page.getByTestId("service-list").locator("li")).not.toHaveCount(0);
  if (step >= 2 && step <= 4)
    await expect(page.getByTestId("pane-left").locator(".monaco-editor").first()).toBeVisible({ timeout: 60_000 });
  if (step === 5) await expect(page.getByTestId("live-count-kafka")).toHaveText(/^\d/, { timeout: 30_000 });
  await page.waitForTimeout(300);
}

for (const presenter of [false, true]) {
  for (const size of SIZES) {
    test(`every step's point fits on screen at ${size.width}x${size.height}, presenter mode ${presenter ? "on" : "off"}, walked with PageDown only`, async ({
      page,
    }) => {
      test.setTimeout(240_000);
      await page.setViewportSize(size);
      const story = new StoryPage(page);
      await story.goto(0, presenter ? "?presenter=1" : "?presenter=0");
      await expect(page.locator("html")).toHaveClass(presenter ? /presenter/ : /^(?!.*presenter)/);

      for (const [i, stop] of STOPS.entries()) {
        if (i > 0) {
          await page.keyboard.press("PageDown");
          await expect(story.main).toHaveAttribute("data-step", String(stop.step));
          await expect(story.main).toHaveAttribute("data-fragment", String(stop.fragment));
          await expect(page.locator("html")).toHaveAttribute("data-story-keys", "ready");
        }
        await settle(page, stop.step);
        const where = `step ${stop.step} fragment ${stop.fragment}`;
        await expect(story.point, where).toHaveCount(1);
        await expect(story.point, where).toBeVisible();
        // Nothing to scroll: the page is as tall as the window.
        expect(
          await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight),
          `${where}: page overflows the window`,
        ).toBeLessThanOrEqual(1);
        const box = (await story.point.boundingBox())!;
        const area = await openArea(page);
        expect(box.y, `${where}: point starts under the header`).toBeGreaterThanOrEqual(area.top - 1);
        expect(box.y + box.height, `${where}: point ends behind the footer or below the window`).toBeLessThanOrEqual(area.bottom + 1);
        expect(box.x, `${where}: point starts left of the window`).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, `${where}: point ends right of the window`).toBeLessThanOrEqual(area.width + 1);
        if (stop.step === 5 && stop.fragment === 3) {
          // The punchline's legend is on screen too.
          const legend = (await page.getByTestId("chart-device-mix").getByTestId("chart-legend").boundingBox())!;
          expect(legend.y + legend.height, "device-mix legend").toBeLessThanOrEqual(area.bottom + 1);
        }
        await page.screenshot({
          path: `test-results/screenshots/fit-${presenter ? "presenter" : "self-serve"}-step-${stop.step}${stop.step === 5 ? `-f${stop.fragment}` : ""}-${size.width}x${size.height}.png`,
        });
      }
      // The end offers a real next action, not a disabled button.
      await expect(page.getByTestId("next-step")).toHaveAttribute("href", "/lab");
      await expect(page.getByTestId("what-next-explorer")).toHaveAttribute("href", "/kafka");
    });
  }
}
