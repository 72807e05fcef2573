import { z } from "zod";

/** One service's health as shown by `/api/status` and the supervisor's control API. */
export const serviceStatusSchema = z.object({
  name: z.string(),
  healthy: z.boolean(),
  detail: z.string(),
  /** Service-specific figures (message counts, lag, rows loaded...), flat and JSON-safe. */
  metrics: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])).optional(),
});

export const PIPELINE_STATES = [
  "unknown",
  "running",
  "stopped",
  "failing",
  "catching_up",
  "generator_paused",
  "restarting",
  "service_down",
] as const;

/**
 * The pipeline's state in one word and one sentence, derived from the services by
 * `lib/status/pipeline-state.ts`; every page and `/api/status` say the same thing from it.
 */
export const pipelineSummarySchema = z.object({
  state: z.enum(PIPELINE_STATES),
  /** ok: all is well; warn: deliberate or passing (stopped, paused, restarting); bad: broken. */
  tone: z.enum(["ok", "warn", "bad"]),
  /** "Pipeline running", "Pipeline failing: <reason>", "Generator paused", "Kafka restarting…", … */
  headline: z.string(),
  /** One sentence on what it means for the story (times as ISO strings here). */
  detail: z.string(),
  /** The service a restarting or service_down state is about. */
  service: z.string().nullable(),
  /** Why it fails or is down (the connector's flush error, a service's detail). */
  reason: z.string().nullable(),
  since: z.string().nullable(),
  nextRetryAt: z.string().nullable(),
  restartsAt: z.string().nullable(),
  /** The connector's next scheduled batch (ISO), from its real flush timer; null while stopped or failing. */
  nextFlushAt: z.string().nullable(),
  lagMessages: z.number().nullable(),
  generatorPaused: z.boolean(),
});

export const stackStatusSchema = z.object({
  services: z.array(serviceStatusSchema),
  /** Set by the web app's `/api/status` (the supervisor's own `/status` has no summary). */
  pipeline: pipelineSummarySchema.optional(),
});

export type ServiceStatus = z.infer<typeof serviceStatusSchema>;
export type StackStatus = z.infer<typeof stackStatusSchema>;
export type PipelineStateName = (typeof PIPELINE_STATES)[number];
export type PipelineSummary = z.infer<typeof pipelineSummarySchema>;
