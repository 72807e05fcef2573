"use client";

import { useEffect, useState } from "react";
import type { PipelineScopeName } from "@/lib/api/pipeline";
import { controlPipeline, fetchPipelineInfo } from "@/lib/client/api-client";
import { reconnectLiveFeed } from "@/lib/client/live-feed";
import { formatNumber } from "@/lib/client/format";
import { localTime, metricOf, useStackStatus } from "@/lib/client/use-stack-status";
import { derivePipelineState, type PipelineState } from "@/lib/status/pipeline-state";
import { describePipelineState } from "@/lib/status/pipeline-wording";
import { NextBatchCountdown } from "@/components/status/next-batch-countdown";
import { PipelineStatusBanner } from "@/components/status/pipeline-status-banner";
import { Button } from "@/components/ui/button";
import { usePreferences } from "@/lib/client/preferences-store";

/** What the pipeline says once the connector loads again: running, unless nothing arrives to load. */
function restarted(state: PipelineState): PipelineState {
  return { ...state, state: state.generatorPaused ? "generator_paused" : "running", restartsAt: null };
}

/** What the control does here: the real connector (local), this visitor's own warehouse (hosted), or nothing. */
function usePipelineScope(): PipelineScopeName | null {
  const [scope, setScope] = useState<PipelineScopeName | null>(null);
  useEffect(() => {
    let live = true;
    void fetchPipelineInfo().then((outcome) => {
      // If the answer does not come, offer the control: the stop itself says what is wrong.
      if (live) setScope(outcome.ok ? outcome.value.scope : "shared");
    });
    return () => {
      live = false;
    };
  }, []);
  return scope;
}

const SCOPE_NOTE: Partial<Record<PipelineScopeName, string>> = {
  visitor: "On this shared copy, stopping freezes the warehouse for you only; other visitors' keeps loading.",
  unavailable: "Stopping the pipeline is not offered on this shared copy: its warehouse keeps no row history to freeze for one visitor.",
};

/**
 * Stop or restart the pipeline: the warehouse freezes while Kafka keeps going (unless the generator
 * is paused). Locally that stops the real connector; on a hosted copy it freezes this visitor's warehouse.
 */
export function PipelineControl() {
  const { status, pipeline: reported } = useStackStatus();
  const scope = usePipelineScope();
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

  const presenter = usePreferences((s) => s.presenter);
  const act = async (action: "stop" | "start") => {
    setPending(action);
    setError(null);
    const outcome = await controlPipeline(action);
    setPending(null);
    if (outcome.ok) {
      setOverride(action === "start");
      // A hosted visitor's own stop lives in a cookie the open stream predates: reopen it with the cookie.
      if (scope === "visitor") reconnectLiveFeed();
      // Let the status poll take over again once it has seen the change.
      setTimeout(() => setOverride(null), 4000);
    } else setError(outcome.error.message);
  };

  return (
    <PipelineStatusBanner
      pipeline={pipeline}
      label="Pipeline control"
      // One line on a projector, so the chart below keeps the room a 1280x720 screen has.
      compact={presenter}
      aside={
        <>
          {pipeline.lagMessages !== null && pipeline.state !== "catching_up" && (
            <span className="ml-2 tabular">Lag: {formatNumber(pipeline.lagMessages)} messages.</span>
          )}
          <NextBatchCountdown pipeline={pipeline} className="ml-2 font-semibold text-fg" />
        </>
      }
    >
      {error && (
        <p role="alert" className="max-w-md text-sm text-bad">
          {error}
        </p>
      )}
      {scope && SCOPE_NOTE[scope] && (
        <p className="max-w-sm text-sm text-muted" data-testid="pipeline-scope-note">
          {SCOPE_NOTE[scope]}
        </p>
      )}
      {scope === null || scope === "unavailable" ? null : stopped ? (
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
