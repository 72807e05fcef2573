import type { StepId } from "./steps";
import { DEFAULT_CUSTOMER } from "./story-sql";

/**
 * What to say out loud, per step and per fragment. Only the speaker view imports this module, so
 * the audience window neither shows nor ships the notes.
 */
export interface StepNotes {
  /** Said on the step whatever fragment is showing. */
  step: string[];
  /** Said while a given fragment is showing (by fragment id). */
  fragments?: Record<string, string[]>;
}

export const SPEAKER_NOTES: Record<StepId, StepNotes> = {
  problem: {
    step: [
      "Set the scene: a retail store, an analyst, a question about the best customers.",
      "Point at the two paths. The numbers on the arrows are live: messages per second into Kafka, rows the connector has loaded, and how far the warehouse trails.",
      "The ops path to the Kafka explorer is what an engineer would look at; the analyst never needs it.",
    ],
  },
  environment: {
    step: [
      "One command, no Docker: broker, warehouse, generator, connector and engine are child processes of one supervisor.",
      "Show that the warehouse trails Kafka: the connector loads in batches, every flush interval.",
    ],
  },
  workspace: {
    step: [
      "This replaces the seed's Superset SQL Lab: pick the database on each side.",
      "Run on both: the warehouse count is lower and only moves when the connector flushes; Kafka moves every second.",
    ],
  },
  warehouse: {
    step: [
      "This is the seed's first query, unchanged.",
      `${DEFAULT_CUSTOMER} is on top. Remember the totals: we will compare them with Kafka's in a minute.`,
    ],
  },
  kafka: {
    step: [
      "Same top-3 on both sides: Kafka's totals are higher, because Kafka has the purchases the connector has not flushed yet. The strip under the results says by how much, in money and in purchases.",
      "SHOW TABLES on both: one table versus every topic.",
      `The device query for ${DEFAULT_CUSTOMER}: five user agents, one clearly dominant. Then show the real MySQL error on the warehouse side.`,
    ],
  },
  difference: {
    step: ["Every chart here is a live query on both sides. The banner on top stops and restarts the pipeline at any point."],
    fragments: {
      "top-customers": [
        "Top customers: the orange bars are ahead of the slate ones, that is the freshness gap.",
        "Stop the pipeline now if you want the gap to grow while you talk.",
      ],
      rows: [
        "Rows over time: the warehouse climbs in steps, one per flush; Kafka climbs continuously.",
        "Stop the pipeline, wait a few seconds, restart it: the warehouse catches up with no duplicates.",
      ],
      datasets: [
        "Datasets: the warehouse has one table; Kafka has every topic, the request log included. The pipeline only ever copied purchases.",
      ],
      answer: [
        "Device mix: the top spenders favour one device far more than everyone else. That is the answer to our question, and it came from a dataset only Kafka had.",
        "Close with what to do next: the SQL lab for their own questions, the Kafka explorer, and KAFKA_BROKERS / MYSQL_URL to point FOMO at their own cluster.",
      ],
    },
  },
};

/** The notes to show for one step and fragment: the fragment's own first, then the step's. */
export function notesFor(stepId: StepId, fragmentId: string | undefined): { fragment: string[]; step: string[] } {
  const notes = SPEAKER_NOTES[stepId];
  return { fragment: (fragmentId && notes.fragments?.[fragmentId]) || [], step: notes.step };
}
