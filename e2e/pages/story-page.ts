import { expect, type Locator, type Page } from "@playwright/test";
import { SqlPane } from "./sql-pane";

export const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

/** The guided story: navigation, progress, the editors of steps 2-4 and step 5's dashboard. */
export class StoryPage {
  readonly left: SqlPane;
  readonly right: SqlPane;
  readonly title: Locator;
  readonly runBoth: Locator;
  readonly progress: Locator;

  constructor(readonly page: Page) {
    this.left = new SqlPane(page, "left");
    this.right = new SqlPane(page, "right");
    this.title = page.locator("#step-title");
    this.runBoth = page.getByTestId("run-both");
    this.progress = page.getByRole("navigation", { name: "Story progress" });
    this.main = page.locator("main[data-step]");
    this.point = page.locator("[data-point]");
  }

  readonly main: Locator;
  /** The element that carries the current step's (or fragment's) point. */
  readonly point: Locator;

  async goto(step: number, query = ""): Promise<void> {
    await this.page.goto(`/story/${step}${query}`);
    await expect(this.main).toHaveAttribute("data-step", String(step));
    // The step is server-rendered before its keyboard shortcuts are attached; a key pressed in
    // between would be lost.
    await expect(this.page.locator("html")).toHaveAttribute("data-story-keys", "ready");
  }

  /** Step 5 is shown in fragments: `fragment` is the part showing (the URL says `?f=N` past the first). */
  async expectStep(step: number, fragment = 0): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`/story/${step}${fragment > 0 ? `\\?f=${fragment}` : ""}$`));
    await expect(this.main).toHaveAttribute("data-step", String(step));
    await expect(this.main).toHaveAttribute("data-fragment", String(fragment));
  }

  /** Opens step 5 at one of its fragments by name (top-customers, rows, datasets, answer). */
  async gotoDifference(fragmentId: "top-customers" | "rows" | "datasets" | "answer"): Promise<void> {
    const index = ["top-customers", "rows", "datasets", "answer"].indexOf(fragmentId);
    await this.goto(5, index > 0 ? `?f=${index}` : "");
    await expect(this.main).toHaveAttribute("data-fragment", String(index));
  }

  suggestion(id: string): Locator {
    return this.page.getByTestId(`suggestion-${id}`);
  }

  /** Saves the current step at both projector sizes, then restores the first size. */
  async screenshotBothSizes(name: string): Promise<void> {
    for (const size of [...SIZES].reverse()) {
      await this.page.setViewportSize(size);
      await this.page.waitForTimeout(400);
      await this.page.screenshot({ path: `test-results/screenshots/${name}-${size.width}x${size.height}.png` });
    }
  }
}
