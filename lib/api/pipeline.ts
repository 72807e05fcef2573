import { z } from "zod";

/**
 * `GET /api/pipeline`: what "Stop the pipeline" does for this visitor. `shared` stops the real
 * connector (a presenter's laptop); `visitor` freezes the warehouse for this visitor only (hosted);
 * `unavailable`: the hosted warehouse keeps no row history, so there is no control to show.
 */
export const pipelineScopeSchema = z.enum(["shared", "visitor", "unavailable"]);
export type PipelineScopeName = z.infer<typeof pipelineScopeSchema>;

export const pipelineInfoSchema = z.object({
  scope: pipelineScopeSchema,
  /** This visitor's own stop (hosted), ISO times. */
  stop: z.object({ stoppedAt: z.string(), restartsAt: z.string() }).nullable(),
});
export type PipelineInfo = z.infer<typeof pipelineInfoSchema>;
