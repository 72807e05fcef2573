import { expect, type Page } from "@playwright/test";

/** A page the accessibility scan visits, and how to tell its live content has arrived. */
export interface ScannedPage {
  name: string;
  path: string;
  /** Waits until the page shows what a visitor would see (live figures, editors, results). */
  ready: (page: Page) => Promise<void>;
}

const CONNECTOR_GROUP = "fomo-warehouse-sink";

async function servicesLoaded(page: Page): Promise<void> {
  await expect(page.locator('[data-testid="service-kafka"][data-healthy="true"]').first()).toBeVisible({ timeout: 60_000 });
}

async function storyReady(page: Page, step: number): Promise<void> {
  // Generous waits: the scan shares a 2-core machine with other builds and tests.
  await expect(page.locator("main[data-step]")).toHaveAttribute("data-step", String(step), { timeout: 90_000 });
  await expect(page.locator("html")).toHaveAttribute("data-story-keys", "ready", { timeout: 90_000 });
}

/** Editors loaded, then every pane run, so result tables, charts and the diff are scanned too. */
async function editorsRun(page: Page): Promise<void> {
  const editors = page.locator("[data-error-line]");
  // The panes are a dynamic import: count them once the first one is there.
  await expect(editors.first()).toBeAttached({ timeout: 60_000 });
  const count = await editors.count();
  expect(count).toBeGreaterThan(0);
  await expect(page.locator(".monaco-editor")).toHaveCount(count, { timeout: 120_000 });
  const runBoth = page.getByTestId("run-both");
  if (await runBoth.isVisible()) await runBoth.click();
  else
    await page
      .getByTestId(/^run-(left|right)$/)
      .first()
      .click();
  await expect(page.getByTestId("result-table").first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("button", { name: /Running/ })).toHaveCount(0, { timeout: 60_000 });
}

export const SCANNED_PAGES: readonly ScannedPage[] = [
  { name: "home", path: "/", ready: servicesLoaded },
  {
    name: "story step 0",
    path: "/story/0",
    ready: async (page) => {
      await storyReady(page, 0);
      await expect(page.getByTestId("diagram-pipeline")).toHaveAttribute("data-state", /.+/);
    },
  },
  {
    name: "story step 1",
    path: "/story/1",
    ready: async (page) => {
      await storyReady(page, 1);
      await servicesLoaded(page);
    },
  },
  ...[2, 3, 4].map((step) => ({
    name: `story step ${step}`,
    path: `/story/${step}`,
    ready: async (page: Page) => {
      await storyReady(page, step);
      await editorsRun(page);
    },
  })),
  {
    name: "story step 5",
    path: "/story/5",
    ready: async (page) => {
      await storyReady(page, 5);
      await expect(page.getByTestId("live-count-kafka")).not.toHaveText("…", { timeout: 60_000 });
      await expect(page.locator(".recharts-surface").first()).toBeVisible({ timeout: 60_000 });
    },
  },
  { name: "SQL workspace", path: "/lab", ready: editorsRun },
  {
    name: "Kafka explorer topics and dead letters",
    path: "/kafka",
    ready: async (page) => {
      await expect(page.getByTestId("topic-row-purchases")).toBeVisible({ timeout: 60_000 });
      await expect(page.getByRole("region", { name: "Dead letters" })).toBeVisible();
    },
  },
  {
    name: "Kafka explorer topic",
    path: "/kafka/topics/purchases",
    ready: async (page) => {
      await expect(page.getByTestId("tail-state")).toHaveText("Live", { timeout: 60_000 });
      await expect(page.getByRole("list", { name: "Live tail messages" }).getByTestId("kafka-message").first()).toBeVisible({
        timeout: 60_000,
      });
    },
  },
  {
    name: "Kafka explorer consumer groups",
    path: "/kafka/groups",
    ready: async (page) => {
      await expect(page.getByTestId(`group-row-${CONNECTOR_GROUP}`)).toBeVisible({ timeout: 60_000 });
    },
  },
  {
    name: "Kafka explorer consumer group",
    path: `/kafka/groups/${CONNECTOR_GROUP}`,
    ready: async (page) => {
      await expect(page.getByRole("heading", { level: 1 })).toContainText(CONNECTOR_GROUP, { timeout: 60_000 });
      await expect(page.getByRole("table", { name: "Offsets and lag per partition" }).locator("tbody tr").first()).toBeVisible({
        timeout: 60_000,
      });
    },
  },
  {
    name: "Kafka explorer schemas",
    path: "/kafka/schemas",
    ready: async (page) => {
      // The subjects table, or the note saying the registry did not answer: both are what a visitor sees.
      await expect(
        page
          .getByRole("table", { name: "Schema subjects" })
          .or(page.getByTestId("schema-registry-error"))
          .or(page.getByText("no subjects yet"))
          .first(),
      ).toBeVisible({
        timeout: 60_000,
      });
    },
  },
  {
    name: "Kafka explorer schema subject",
    path: "/kafka/schemas/purchases-value",
    ready: async (page) => {
      await expect(page.getByRole("heading", { level: 1 })).toContainText("purchases-value", { timeout: 60_000 });
      // Registered when the generator writes Avro or Protobuf (GENERATOR_FORMAT); otherwise the page says the subject is missing.
      await expect(
        page.getByRole("list", { name: "Schema versions, newest first" }).or(page.getByTestId("schema-registry-error")).first(),
      ).toBeVisible({
        timeout: 60_000,
      });
    },
  },
];
