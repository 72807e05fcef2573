import type { Locator, Page } from "@playwright/test";

/** The pipeline's state banner (step 5, step 1, the home page) and the diagram's caption (step 0). */
export class PipelineBanner {
  readonly root: Locator;
  readonly headline: Locator;
  readonly detail: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId("pipeline-banner");
    this.headline = this.root.getByTestId("pipeline-state");
    this.detail = this.root.getByTestId("pipeline-detail");
  }
}
