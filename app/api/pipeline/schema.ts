import { z } from "zod";

/**
 * Body of `POST /api/pipeline`: stop or start the sink connector, what story step 5 offers. The
 * generator's pause/resume stays on the supervisor's control API (localhost only): a visitor of a
 * hosted copy must not be able to stop the data everyone else is watching arrive.
 */
export const pipelineRequestSchema = z.object({ action: z.enum(["stop", "start"]) });
export type PipelineRequest = z.infer<typeof pipelineRequestSchema>;

export const pipelineTargets: Record<PipelineRequest["action"], { service: "connector"; command: "stop" | "start" }> = {
  stop: { service: "connector", command: "stop" },
  start: { service: "connector", command: "start" },
};
