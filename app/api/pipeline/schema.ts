import { z } from "zod";

/** Body of `POST /api/pipeline`: stop/start the sink connector, pause/resume the generator. */
export const pipelineRequestSchema = z.object({ action: z.enum(["stop", "start", "pause", "resume"]) });
export type PipelineRequest = z.infer<typeof pipelineRequestSchema>;

export const pipelineTargets: Record<PipelineRequest["action"], { service: "connector" | "generator"; command: string }> = {
  stop: { service: "connector", command: "stop" },
  start: { service: "connector", command: "start" },
  pause: { service: "generator", command: "pause" },
  resume: { service: "generator", command: "resume" },
};
