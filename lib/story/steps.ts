import type { Database } from "@/lib/api/query";
import { COUNT_PURCHASES_SQL, DEFAULT_CUSTOMER, deviceMixSql, SHOW_TABLES_SQL, TOP_SPENDERS_SQL } from "./story-sql";

export type PaneId = "left" | "right";

export interface PaneDefault {
  database: Database;
  sql: string;
}

/** A one-click query suggested by a step: loads SQL into one pane (or both) and runs it. */
export interface SuggestedQuery {
  id: string;
  label: string;
  sql: string;
  target: PaneId | "both";
}

/** Stable names: saved work, links between windows and content choice key on these, never on the order. */
export const STEP_IDS = ["problem", "environment", "workspace", "warehouse", "kafka", "difference"] as const;
export type StepId = (typeof STEP_IDS)[number];

/** What a step's body is; the order of steps says nothing about it. */
export type StepKind = "architecture" | "services" | "sql" | "dashboard";

/** Part of a step that →/PageDown reveals before moving on (reveal.js's fragments), shown one at a time. */
export interface StoryFragment {
  id: string;
  /** Short name for the fragment strip and the footer's next button. */
  label: string;
}

interface StepDefinition {
  id: StepId;
  kind: StepKind;
  /** Short name for the progress indicator. */
  short: string;
  title: string;
  /** One or two sentences under the title: what this step shows. */
  lead: string;
  /** Extra paragraphs, shown in self-serve mode beside the content. */
  body: string[];
  /** Which editors the step shows; none means the step has its own content. */
  panes?: Partial<Record<PaneId, PaneDefault>>;
  suggestions?: SuggestedQuery[];
  /** Clicking a customer id in a result loads the seed's device query for them (step "kafka"). */
  customerOpensDevices?: boolean;
  /** Under the two panes, how far Kafka's top spenders are ahead of the warehouse's (step "kafka"). */
  comparesTopSpenders?: boolean;
  fragments?: readonly StoryFragment[];
}

export interface StoryStep extends StepDefinition {
  /** Position in the story: the URL (/story/N) and "Step N", nothing else. */
  index: number;
}

const DEFINITIONS: readonly StepDefinition[] = [
  {
    id: "problem",
    kind: "architecture",
    short: "The problem",
    title: "Your competitors may be looking at data you can't see",
    lead: "Every event your business produces lands in Kafka first. Analysts only see the part a pipeline has copied into the warehouse, and only once it has arrived.",
    body: [
      "Our task: improve the experience of the customers who spend the most. That is an ad-hoc question, so we will answer it the way an analyst would: with SQL.",
      "Follow the two paths in the diagram. The slate one is the classic route through a sink connector into the warehouse. The orange one goes straight to Kafka.",
    ],
  },
  {
    id: "environment",
    kind: "services",
    short: "Environment",
    title: "The whole environment is already running",
    lead: "`npm run demo` started a real Kafka broker, a real MySQL-compatible warehouse, a data generator, an exactly-once sink connector and our Kafka SQL engine. Here is how each one is doing.",
    body: [
      "Nothing here is simulated: the counts come from the broker and the warehouse right now.",
      "If a service is down, the card says what to do. Most problems are fixed by stopping the demo with Ctrl+C and running `npm run demo` again.",
    ],
  },
  {
    id: "workspace",
    kind: "sql",
    short: "Workspace",
    title: "Two SQL editors, side by side",
    lead: "On the left, the warehouse the pipeline feeds. On the right, Kafka itself, live. Same SQL, two answers. Press Ctrl+Enter (⌘+Enter on a Mac) in an editor to run it, or run both at once.",
    body: [
      "Each side has its own database and schema selector, a schema browser and autocomplete for tables and columns.",
      "Try “Run on both” on the count below: Kafka already holds purchases that the warehouse has not received yet.",
    ],
    panes: {
      left: { database: "warehouse", sql: COUNT_PURCHASES_SQL },
      right: { database: "kafka", sql: COUNT_PURCHASES_SQL },
    },
    suggestions: [{ id: "count-both", label: "Count purchases on both", sql: COUNT_PURCHASES_SQL, target: "both" }],
  },
  {
    id: "warehouse",
    kind: "sql",
    short: "Warehouse",
    title: "First, the usual way: ask the warehouse",
    lead: "Who are our three biggest spenders? The warehouse answers with the rows the pipeline has loaded so far.",
    body: [
      "Run the query. The result is correct for what the warehouse holds, and it tells us who spends the most.",
      "It does not tell us why. The warehouse only has purchases: nothing about how these customers use our site or app.",
    ],
    panes: { left: { database: "warehouse", sql: TOP_SPENDERS_SQL } },
    suggestions: [{ id: "top3-warehouse", label: "Top 3 spenders (warehouse)", sql: TOP_SPENDERS_SQL, target: "left" }],
  },
  {
    id: "kafka",
    kind: "sql",
    short: "Kafka",
    title: "Now ask Kafka directly",
    lead: "Our hunch: the experience is better on some devices than on others. Device data never reached the warehouse, but Kafka has it, in the request log.",
    body: [
      "The seed's top-3 on both sides, and under them how far Kafka is ahead per customer: same SQL, fresher totals.",
      "Click a customer to see their devices on Kafka, then run that query on the warehouse: the table is not there.",
    ],
    panes: {
      left: { database: "warehouse", sql: TOP_SPENDERS_SQL },
      right: { database: "kafka", sql: TOP_SPENDERS_SQL },
    },
    suggestions: [
      { id: "top3-both", label: "Top 3 on both", sql: TOP_SPENDERS_SQL, target: "both" },
      { id: "show-tables", label: "SHOW TABLES on both", sql: SHOW_TABLES_SQL, target: "both" },
      { id: "devices-kafka", label: `Devices of ${DEFAULT_CUSTOMER} on Kafka`, sql: deviceMixSql(DEFAULT_CUSTOMER), target: "right" },
      { id: "devices-warehouse", label: "Same on the warehouse", sql: deviceMixSql(DEFAULT_CUSTOMER), target: "left" },
    ],
    customerOpensDevices: true,
    comparesTopSpenders: true,
  },
  {
    id: "difference",
    kind: "dashboard",
    short: "Difference",
    title: "Note the difference",
    lead: "Every chart below is a live query on both sides, refreshed every few seconds. Kafka sees more data, sooner, and data the warehouse never gets.",
    body: [
      "Stop the pipeline to see what an outage, or simply a slow batch, means for the analyst: the warehouse freezes while Kafka stays queryable. The banner says whether new events still arrive (the generator may be paused).",
    ],
    fragments: [
      { id: "top-customers", label: "Top customers" },
      { id: "rows", label: "Rows over time" },
      { id: "datasets", label: "Datasets" },
      { id: "answer", label: "The answer" },
    ],
  },
];

export const STORY_STEPS: readonly StoryStep[] = DEFINITIONS.map((step, index) => ({ ...step, index }));

export const LAST_STEP = STORY_STEPS.length - 1;

export function storyStep(index: number): StoryStep | undefined {
  return STORY_STEPS[index];
}

export function stepById(id: StepId): StoryStep {
  return STORY_STEPS.find((step) => step.id === id)!;
}

export function isStepId(value: unknown): value is StepId {
  return typeof value === "string" && (STEP_IDS as readonly string[]).includes(value);
}

export function parseStepParam(value: string): number | undefined {
  if (!/^\d+$/.test(value)) return undefined;
  const index = Number(value);
  return index >= 0 && index <= LAST_STEP ? index : undefined;
}
