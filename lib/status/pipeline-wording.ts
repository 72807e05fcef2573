import type { PipelineSummary, StackStatus } from "../api/status";
import { derivePipelineState, type PipelineState } from "./pipeline-state";

export type PipelineTone = PipelineSummary["tone"];

/** How a time is written: the API keeps ISO strings, the browser writes the visitor's local time. */
export type TimeFormat = (iso: string) => string;

const SERVICE_LABELS: Record<string, string> = {
  kafka: "Kafka",
  warehouse: "Warehouse",
  "schema-registry": "Schema Registry",
  connector: "Connector",
  engine: "Kafka SQL engine",
  generator: "Generator",
  web: "Web app",
};

/** What a service being down means for the story, so a presenter knows what still works. */
const DOWN_CONSEQUENCE: Record<string, string> = {
  kafka: "Nothing new arrives and every Kafka query fails until it is back.",
  warehouse: "Warehouse queries and loading fail until it is back.",
  "schema-registry": "New Avro or Protobuf schemas cannot be read until it is back; JSON data is unaffected.",
  connector: "The warehouse is frozen until the connector is back.",
  engine: "Kafka queries fail until it is back; the warehouse side still answers.",
  generator: "No new events arrive in Kafka; every query still works.",
};

const TONES: Record<PipelineState["state"], PipelineTone> = {
  unknown: "warn",
  running: "ok",
  stopped: "warn",
  failing: "bad",
  catching_up: "warn",
  generator_paused: "warn",
  restarting: "warn",
  service_down: "bad",
};

export function serviceLabel(name: string): string {
  return SERVICE_LABELS[name] ?? name;
}

const isoTime: TimeFormat = (iso) => iso;

/** A service's detail as a sentence of its own (details come with or without a final stop). */
function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function kafkaSide(state: PipelineState): string {
  return state.generatorPaused
    ? "Kafka stays queryable, but the generator is paused: no new events arrive."
    : "Kafka, and every Kafka query, stays live.";
}

function headlineOf(state: PipelineState): string {
  switch (state.state) {
    case "unknown":
      return "Checking the pipeline…";
    case "running":
      return "Pipeline running";
    case "stopped":
      return "Pipeline stopped";
    case "failing":
      return `Pipeline failing: ${state.reason ?? "unknown cause"}`;
    case "catching_up":
      return "Pipeline catching up";
    case "generator_paused":
      return "Generator paused";
    case "restarting":
      return `${serviceLabel(state.service ?? "")} restarting…`;
    case "service_down":
      return `${serviceLabel(state.service ?? "")} down`;
  }
}

function detailOf(state: PipelineState, time: TimeFormat): string {
  switch (state.state) {
    case "unknown":
      return "Waiting for the first status from the stack.";
    case "running":
      return "The connector copies purchases into the warehouse in batches; Kafka keeps growing.";
    case "stopped":
      return [
        "Stopped from step 5: the warehouse is frozen.",
        kafkaSide(state),
        state.restartsAt ? `Restarts on its own at ${time(state.restartsAt)}.` : "",
      ]
        .filter(Boolean)
        .join(" ");
    case "failing":
      return [
        "Every flush into the warehouse fails, so the warehouse is frozen; the connector keeps the rows and retries.",
        state.since ? `Failing since ${time(state.since)}.` : "",
        state.nextRetryAt ? `Next try at ${time(state.nextRetryAt)}.` : "",
        kafkaSide(state),
      ]
        .filter(Boolean)
        .join(" ");
    case "catching_up":
      return `The warehouse is${state.lagMessages === null ? "" : ` ${state.lagMessages.toLocaleString("en-US")} messages`} behind Kafka and loading them.`;
    case "generator_paused":
      return "No new events arrive in Kafka: the warehouse catches up and both sides hold still until the generator resumes.";
    case "restarting":
      return `The demo restarts it on its own, data kept.${state.reason ? ` ${asSentence(state.reason)}` : ""}`;
    case "service_down":
      return [state.reason ? asSentence(state.reason) : "", DOWN_CONSEQUENCE[state.service ?? ""] ?? ""].filter(Boolean).join(" ");
  }
}

/** The state in words and a tone: what every status surface shows. */
export function describePipelineState(state: PipelineState, time: TimeFormat = isoTime): PipelineSummary {
  return { ...state, tone: TONES[state.state], headline: headlineOf(state), detail: detailOf(state, time) };
}

/** The stack's status summed up in one line: `/api/status`'s `pipeline` field. */
export function summarizePipeline(status: StackStatus | undefined, time: TimeFormat = isoTime): PipelineSummary {
  return describePipelineState(derivePipelineState(status), time);
}
