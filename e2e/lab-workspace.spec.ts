import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { SqlPane } from "./pages/sql-pane";
import { ExplorerPage } from "./pages/explorer-page";

async function openLab(page: Page, query = ""): Promise<{ left: SqlPane; right: SqlPane }> {
  await page.goto(`/lab${query}`);
  const left = new SqlPane(page, "left");
  const right = new SqlPane(page, "right");
  await left.waitForEditor();
  await right.waitForEditor();
  return { left, right };
}

test.describe("the SQL lab", () => {
  test("Enter typed at human speed breaks the line and never accepts a suggestion, in both editors", async ({ page }) => {
    const { left, right } = await openLab(page);
    for (const pane of [left, right]) {
      await pane.editor.click();
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.press("Delete");
      await page.keyboard.type("SELECT customerid\nFROM purchases", { delay: 80 });
      await page.keyboard.press("Escape");
      await expect.poll(() => pane.editorText()).toBe("SELECT customerid\nFROM purchases");
    }
  });

  test("a deep link opens its query in its side's editor, and Copy link gives one back", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const sql = "SELECT count(*) AS linked FROM purchases;";
    const { left } = await openLab(page, `?database=warehouse&sql=${encodeURIComponent(sql)}`);
    await expect.poll(() => left.editorText()).toBe(sql);

    await page.getByRole("button", { name: /Copy link to the .*left editor/ }).click();
    await expect(left.root.getByRole("status").filter({ hasText: "Link copied" })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(copied).searchParams.get("database")).toBe("warehouse");
    expect(new URL(copied).searchParams.get("sql")).toBe(sql);
  });

  test("a bad deep link is ignored and the lab still opens", async ({ page }) => {
    const { left, right } = await openLab(page, `?database=postgres&sql=${encodeURIComponent("SELECT 'nope'")}`);
    await expect.poll(() => left.editorText()).not.toContain("nope");
    await expect.poll(() => right.editorText()).not.toContain("nope");
  });

  test("the explorer's Open in SQL workspace opens the lab with the topic's query on Kafka", async ({ page }) => {
    const explorer = new ExplorerPage(page);
    await explorer.gotoTopic("purchases");
    await page.getByRole("link", { name: "Open in SQL workspace" }).click();
    const right = new SqlPane(page, "right");
    await right.waitForEditor();
    await expect.poll(() => right.editorText()).toBe("SELECT * FROM purchases LIMIT 50");
  });

  test("Ctrl/Cmd+Enter runs only the statement under the cursor", async ({ page }) => {
    const { left } = await openLab(page);
    await left.setSql("SELECT 1 AS first_one;\nSELECT 2 AS second_one;");
    await left.editor.click();
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect(left.resultTable).toContainText("second_one");
    await expect(left.resultTable).not.toContainText("first_one");
  });

  test("the same top-3 on both sides: totals read alike and rows cut by the LIMIT are not called missing", async ({ page }) => {
    const { left, right } = await openLab(page);
    const top3 = "SELECT customerid, sum(amount) AS total FROM purchases GROUP BY customerid ORDER BY total DESC LIMIT 3;";
    for (const pane of [left, right]) {
      await pane.setSql(top3);
      await pane.run();
      await expect(pane.resultTable.locator("tbody tr")).toHaveCount(3);
      // At most the three decimals the warehouse's DOUBLE(10,3) carries, never float noise.
      for (const cell of await pane.resultTable.locator("tbody tr td:nth-child(2)").allInnerTexts())
        expect(cell).toMatch(/^[\d,]+(\.\d{1,3})?$/);
    }
    const diff = page.getByTestId("result-diff");
    await expect(diff).toBeVisible();
    await expect(diff).not.toContainText("only in");
  });

  test("Cancel stops a heavy query on either side: Cancelled within 2 s, the Run button back, the server's word that it stopped", async ({
    page,
  }) => {
    // Ten thousand purchases cubed: far past the 10 s limit on both sides unless cancelled.
    const heavy = "SELECT count(*) FROM purchases a, purchases b, purchases c WHERE a.amount + b.amount * c.amount < 0;";
    // The warehouse fills at the connector's first flushes: without rows the join would end at once.
    await expect
      .poll(
        async () => {
          const response = await page.request.post("/api/query", {
            data: { database: "warehouse", sql: "SELECT count(*) FROM purchases" },
          });
          return response.ok() ? Number(((await response.json()) as { rows: number[][] }).rows[0]?.[0]) : 0;
        },
        { timeout: 60_000 },
      )
      .toBeGreaterThan(5_000);
    const { left, right } = await openLab(page);
    for (const pane of [left, right]) {
      await pane.setSql(heavy);
      await pane.runButton.click();
      await expect(pane.runButton).toHaveText("Running…");
      // Let it reach the server and start working before the cancel.
      await page.waitForTimeout(1_000);
      await pane.cancelButton.click();
      await expect(pane.cancelled).toContainText(/Cancelled after [\d.,]+ (ms|s)/, { timeout: 2_000 });
      await expect(pane.runButton).toHaveText("Run", { timeout: 2_000 });
      await expect(pane.cancelButton).toBeHidden();
      await expect(pane.error).toBeHidden();
      await expect(pane.cancelled.getByTestId("query-cancelled-server")).toContainText(/stopped it [\d.,]+ (ms|s) after the cancel/, {
        timeout: 5_000,
      });
    }
    await expect(page.getByTestId("query-history").getByText(/^cancelled after/)).toHaveCount(2);
  });
});
