"use client";

import type { PipelineSummary } from "@/lib/api/status";
import { useSecondsUntil } from "@/lib/client/use-seconds-until";

/**
 * "Next batch in N s": the time to the connector's next scheduled flush (its real timer, from
 * /api/status), so the wait for the warehouse to move is never dead air. Nothing while the
 * pipeline is stopped or failing (those say their own times).
 */
export function NextBatchCountdown({ pipeline, className = "" }: { pipeline: PipelineSummary; className?: string }) {
  const seconds = useSecondsUntil(pipeline.nextFlushAt);
  const scheduled = pipeline.state === "running" || pipeline.state === "catching_up" || pipeline.state === "generator_paused";
  if (!scheduled || seconds === null) return null;
  return (
    <span className={`tabular ${className}`} data-testid="next-batch">
      {seconds > 0 ? `Next batch in ${seconds} s` : "Loading a batch…"}
    </span>
  );
}
