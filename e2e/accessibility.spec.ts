import AxeBuilder from "@axe-core/playwright";
import type { Result } from "axe-core";
import { expect, test } from "./fixtures";
import { SCANNED_PAGES } from "./pages/a11y-pages";

/** WCAG 2.0 A/AA and 2.1 A/AA, plus the best practices axe checks by default. */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/** One line per failing node, so a failure names the rule, the element and why. */
function describe(violations: Result[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id}: ${node.target.join(" ")} — ${node.failureSummary?.replace(/\s+/g, " ") ?? violation.help}`,
    ),
  );
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`accessibility in the ${colorScheme} theme`, () => {
    // The theme follows the OS preference until the visitor picks one; a fresh context has none saved.
    test.use({ colorScheme });

    for (const target of SCANNED_PAGES) {
      test(`${target.name} (${target.path}) has no axe violations`, async ({ page }) => {
        // Editor pages load Monaco and run both queries before the scan.
        test.setTimeout(300_000);
        await page.goto(target.path);
        await target.ready(page);
        await expect(page.locator("html")).toHaveClass(colorScheme === "dark" ? /\bdark\b/ : /^(?![\s\S]*\bdark\b)/);
        // Live figures pulse for 600 ms when they change; scan once the fade-in is over.
        await page.waitForTimeout(700);
        const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
        expect(results.passes.length, "axe checked the page").toBeGreaterThan(0);
        expect(describe(results.violations)).toEqual([]);
      });
    }
  });
}
