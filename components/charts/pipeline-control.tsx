"use client";

import { useState } from "react";
import { controlPipeline } from "@/lib/client/api-client";
import { formatNumber } from "@/lib/client/format";
import { metricOf, numberMetric, useStackStatus } from "@/lib/client/use-stack-status";
import { Button } from "@/components/ui/button";

/** Stop or restart the sink connector: the warehouse freezes while Kafka keeps going. */
export function PipelineControl() {
  const { status } = useStackStatus(2000);
  const [pending, setPending] = useState<"stop" | "start" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [override, setOverride] = useState<boolean | null>(null);
  const reported = metricOf(status, "connector", "running");
  const running = override ?? (typeof reported === "boolean" ? reported : true);
  const lag = numberMetric(status, "connector", "lagMessages");
  const restartsAt = metricOf(status, "connector", "restartsAt");

  const act = async (action: "stop" | "start") => {
    setPending(action);
    setError(null);
    const outcome = await controlPipeline(action);
    setPending(null);
    if (outcome.ok) {
      setOverride(action === "start");
      // Let the status poll take over again once it has seen the change.
      setTimeout(() => setOverride(null), 4000);
    } else setError(outcome.error.message);
  };

  return (
    <section
      aria-label="Pipeline control"
      className={`flex flex-wrap items-center gap-4 rounded-2xl border p-4 ${running ? "border-line bg-surface" : "border-bad/50 bg-bad/5"}`}
      data-testid="pipeline-control"
      data-running={running}
    >
      <div className="flex items-center gap-3">
        <span className={`h-3 w-3 rounded-full ${running ? "animate-pulse bg-ok" : "bg-bad"}`} aria-hidden="true" />
        <div>
          <p className="font-semibold" role="status" data-testid="pipeline-state">{running ? "Pipeline running" : "Pipeline stopped"}</p>
          <p className="text-sm text-muted">
            {running
              ? "The connector copies purchases into the warehouse in batches."
              : "The warehouse is frozen. Kafka, and every Kafka query, stays live."}
            {!running && typeof restartsAt === "string" && (
              <span className="ml-2" data-testid="pipeline-restarts-at">
                Restarts on its own at {new Date(restartsAt).toLocaleTimeString()}.
              </span>
            )}
            {lag !== null && <span className="ml-2 tabular">Lag: {formatNumber(lag)} messages.</span>}
          </p>
        </div>
      </div>
      <div className="ml-auto flex items-center gap-2">
        {error && <p role="alert" className="max-w-md text-sm text-bad">{error}</p>}
        {running ? (
          <Button tone="danger" onClick={() => act("stop")} disabled={pending !== null} data-testid="stop-pipeline">
            {pending === "stop" ? "Stopping…" : "Stop the pipeline"}
          </Button>
        ) : (
          <Button tone="primary" onClick={() => act("start")} disabled={pending !== null} data-testid="start-pipeline">
            {pending === "start" ? "Restarting…" : "Restart the pipeline"}
          </Button>
        )}
      </div>
    </section>
  );
}
