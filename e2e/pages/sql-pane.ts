import { expect, type Locator, type Page } from "@playwright/test";

/** One editor pane (left or right) of the side-by-side workspace. */
export class SqlPane {
  readonly root: Locator;
  readonly runButton: Locator;
  readonly cancelButton: Locator;
  /** The neutral "Cancelled after N ms" note of a cancelled run. */
  readonly cancelled: Locator;
  readonly editor: Locator;
  readonly editorWrapper: Locator;
  readonly resultTable: Locator;
  readonly error: Locator;
  readonly rowCount: Locator;
  readonly chart: Locator;
  readonly freshness: Locator;

  constructor(
    private readonly page: Page,
    readonly side: "left" | "right",
  ) {
    this.root = page.getByTestId(`pane-${side}`);
    this.runButton = page.getByTestId(`run-${side}`);
    this.cancelButton = page.getByTestId(`cancel-${side}`);
    this.cancelled = this.root.getByTestId("query-cancelled");
    this.editor = this.root.locator(".monaco-editor").first();
    this.editorWrapper = this.root.locator("[data-error-line]");
    this.resultTable = this.root.getByTestId("result-table");
    this.error = this.root.getByTestId("query-error");
    this.rowCount = this.root.getByTestId("row-count");
    this.chart = this.root.getByTestId("result-chart");
    this.freshness = this.root.getByTestId("snapshot-freshness");
  }

  async waitForEditor(): Promise<void> {
    // Monaco is a large bundle, loaded on demand: give a busy machine time to evaluate it.
    await expect(this.editor).toBeVisible({ timeout: 60_000 });
  }

  /** Replaces the editor's text the way a user would: focus, select all, type. */
  async setSql(sql: string): Promise<void> {
    await this.waitForEditor();
    await this.editor.click();
    await this.page.keyboard.press("ControlOrMeta+A");
    await this.page.keyboard.press("Delete");
    await this.page.keyboard.insertText(sql);
    await this.page.keyboard.press("Escape");
  }

  async editorText(): Promise<string> {
    return (await this.root.locator(".view-lines").first().innerText()).replace(/\u00a0/g, " ");
  }

  async run(): Promise<void> {
    await this.runButton.click();
    await expect(this.runButton).toHaveText("Run");
  }

  async runWithKeyboard(): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press("ControlOrMeta+Enter");
    await expect(this.runButton).toHaveText("Run");
  }

  /** The text of every cell of one result column, in display order. */
  async column(index: number): Promise<string[]> {
    return this.resultTable.locator(`tbody tr td:nth-child(${index + 1})`).allInnerTexts();
  }

  async firstCell(): Promise<string> {
    return (await this.resultTable.locator("tbody tr td").first().innerText()).trim();
  }
}
