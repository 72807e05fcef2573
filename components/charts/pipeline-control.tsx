"use client";

import { useState } from "react";
import { controlPipeline } from "@/lib/client/api-client";
import { formatNumber } from "@/lib/client/format";
import { localTime, metricOf, useStackStatus } from "@/lib/client/use-stack-status";
import { derivePipelineState, type PipelineState } from "@/lib/status/pipeline-state";
import { describePipelineState } from "@/lib/status/pipeline-wording";
import { NextBatchCountdown } from "@/components/status/next-batch-countdown";
import { PipelineStatusBanner } from "@/components/status/pipeline-status-banner";
import { Button } from "@/components/ui/button";

/** What the pipeline says once the connector loads again: running, unless nothing arrives to load. */
function restarted(state: PipelineState): PipelineState {
  return { ...state, state: state.generatorPaused ? "generator_paused" : "running", restartsAt: null };
}

/** Stop or restart the sink connector: the warehouse freezes while Kafka keeps going (unless the generator is paused). */
export function PipelineControl() {
  const { status, pipeline: reported } = useStackStatus();
  const [pending, setPending] = useState<"stop" | "start" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [override, setOverride] = useState<boolean | null>(null);
  // From the connector itself: the banner may lead with a broker that is down while the pipeline is stopped.
  const stopped = override === null ? metricOf(status, "connector", "running") === false : !override;
  // Right after a click, say what was asked for until the status poll has seen it.
  const pipeline =
    override === false && reported.state !== "stopped"
      ? describePipelineState({ ...derivePipelineState(status), state: "stopped", restartsAt: null }, localTime)
      : override === true && reported.state === "stopped"
        ? describePipelineState(restarted(derivePipelineState(status)), localTime)
        : reported;

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
    <PipelineStatusBanner
      pipeline={pipeline}
      label="Pipeline control"
      aside={
        <>
          {pipeline.lagMessages !== null && pipeline.state !== "catching_up" && <span className="ml-2 tabular">Lag: {formatNumber(pipeline.lagMessages)} messages.</span>}
          <NextBatchCountdown pipeline={pipeline} className="ml-2 font-semibold text-fg" />
        </>
      }
    >
      {error && <p role="alert" className="max-w-md text-sm text-bad">{error}</p>}
      {stopped ? (
        <Button tone="primary" onClick={() => act("start")} disabled={pending !== null} data-testid="start-pipeline">
          {pending === "start" ? "Restarting…" : "Restart the pipeline"}
        </Button>
      ) : (
        <Button tone="danger" onClick={() => act("stop")} disabled={pending !== null} data-testid="stop-pipeline">
          {pending === "stop" ? "Stopping…" : "Stop the pipeline"}
        </Button>
      )}
    </PipelineStatusBanner>
  );
}
