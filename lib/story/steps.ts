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

export interface StoryStep {
  index: number;
  /** Short name for the progress indicator. */
  short: string;
  title: string;
  /** One or two sentences under the title: what this step shows. */
  lead: string;
  /** Extra paragraphs, shown in self-serve mode beside the content. */
  body: string[];
  /** What to say out loud; shown only in presenter mode. */
  notes: string[];
  /** Which editors the step shows; none means the step has its own content. */
  panes?: Partial<Record<PaneId, PaneDefault>>;
  suggestions?: SuggestedQuery[];
}

export const STORY_STEPS: readonly StoryStep[] = [
  {
    index: 0,
    short: "The problem",
    title: "Your competitors may be looking at data you can't see",
    lead:
      "Every event your business produces lands in Kafka first. Analysts only see the part a pipeline has copied into the warehouse, and only once it has arrived.",
    body: [
      "Our task: improve the experience of the customers who spend the most. That is an ad-hoc question, so we will answer it the way an analyst would: with SQL.",
      "Follow the two paths in the diagram. The slate one is the classic route through a sink connector into the warehouse. The orange one goes straight to Kafka.",
    ],
    notes: [
      "Set the scene: a retail store, an analyst, a question about the best customers.",
      "Point at the two paths. The numbers on the arrows are live: messages per second into Kafka, rows the connector has loaded, and how far the warehouse trails.",
      "The ops path to the Kafka explorer is what an engineer would look at; the analyst never needs it.",
    ],
  },
  {
    index: 1,
    short: "Environment",
    title: "The whole environment is already running",
    lead:
      "`npm run demo` started a real Kafka broker, a real MySQL-compatible warehouse, a data generator, an exactly-once sink connector and our Kafka SQL engine. Here is how each one is doing.",
    body: [
      "Nothing here is simulated: the counts come from the broker and the warehouse right now.",
      "If a service is down, the card says what to do. Most problems are fixed by stopping the demo with Ctrl+C and running `npm run demo` again.",
    ],
    notes: [
      "One command, no Docker: broker, warehouse, generator, connector and engine are child processes of one supervisor.",
      "Show that the warehouse trails Kafka: the connector loads in batches, every flush interval.",
    ],
  },
  {
    index: 2,
    short: "Workspace",
    title: "Two SQL editors, side by side",
    lead:
      "On the left, the warehouse the pipeline feeds. On the right, Kafka itself, live. Same SQL, two answers. Press Ctrl+Enter (⌘+Enter on a Mac) in an editor to run it, or run both at once.",
    body: [
      "Each side has its own database and schema selector, a schema browser and autocomplete for tables and columns.",
      "Try “Run on both” on the count below: Kafka already holds purchases that the warehouse has not received yet.",
    ],
    notes: [
      "This replaces the seed's Superset SQL Lab: pick the database on each side.",
      "Run on both: the warehouse count is lower and only moves when the connector flushes; Kafka moves every second.",
    ],
    panes: {
      left: { database: "warehouse", sql: COUNT_PURCHASES_SQL },
      right: { database: "kafka", sql: COUNT_PURCHASES_SQL },
    },
    suggestions: [{ id: "count-both", label: "Count purchases on both", sql: COUNT_PURCHASES_SQL, target: "both" }],
  },
  {
    index: 3,
    short: "Warehouse",
    title: "First, the usual way: ask the warehouse",
    lead:
      "Who are our three biggest spenders? The warehouse answers with the rows the pipeline has loaded so far.",
    body: [
      "Run the query. The result is correct for what the warehouse holds, and it tells us who spends the most.",
      "It does not tell us why. The warehouse only has purchases: nothing about how these customers use our site or app.",
    ],
    notes: [
      "This is the seed's first query, unchanged.",
      `${DEFAULT_CUSTOMER} is on top. Remember the totals: we will compare them with Kafka's in a minute.`,
    ],
    panes: { left: { database: "warehouse", sql: TOP_SPENDERS_SQL } },
    suggestions: [{ id: "top3-warehouse", label: "Top 3 spenders (warehouse)", sql: TOP_SPENDERS_SQL, target: "left" }],
  },
  {
    index: 4,
    short: "Kafka",
    title: "Now ask Kafka directly",
    lead:
      "Our hunch: the experience is better on some devices than on others. Device data never reached the warehouse, but Kafka has it, in the request log.",
    body: [
      "Both sides run the seed's top-3 query: the warehouse on the left, Kafka on the right, and under them how far Kafka is ahead per customer. Same SQL, fresher totals.",
      "Click a customer in a result to look at their devices on Kafka. Then run the device query on the warehouse too: it fails, that table does not exist there.",
    ],
    notes: [
      "Same top-3 on both sides: Kafka's totals are higher, because Kafka has the purchases the connector has not flushed yet. The strip under the results says by how much, in money and in purchases.",
      "SHOW TABLES on both: one table versus every topic.",
      `The device query for ${DEFAULT_CUSTOMER}: five user agents, one clearly dominant. Then show the real MySQL error on the warehouse side.`,
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
  },
  {
    index: 5,
    short: "Difference",
    title: "Note the difference",
    lead:
      "Every chart below is a live query on both sides, refreshed every few seconds. Kafka sees more data, sooner, and data the warehouse never gets.",
    body: [
      "Stop the pipeline to see what an outage, or simply a slow batch, means for the analyst: the warehouse freezes while Kafka stays queryable. The banner says whether new events still arrive (the generator may be paused).",
    ],
    notes: [
      "Top customers: the orange bars are ahead of the slate ones, that is the freshness gap.",
      "Rows over time: the warehouse climbs in steps, one per flush; Kafka climbs continuously.",
      "Device mix: the top spenders favour one device far more than everyone else. That is the answer to our question, and it came from a dataset only Kafka had.",
      "Stop the pipeline, wait a few seconds, restart it: the warehouse catches up with no duplicates.",
    ],
  },
];

export const LAST_STEP = STORY_STEPS.length - 1;

export function storyStep(index: number): StoryStep | undefined {
  return STORY_STEPS[index];
}

export function parseStepParam(value: string): number | undefined {
  if (!/^\d+$/.test(value)) return undefined;
  const index = Number(value);
  return index >= 0 && index <= LAST_STEP ? index : undefined;
}
