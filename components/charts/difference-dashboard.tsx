"use client";

import type { CSSProperties, ReactNode } from "react";
import type { StoryFragment } from "@/lib/story/steps";
import { WhatNext } from "@/components/story/what-next";
import { CountsOverTimeChart } from "./counts-over-time-chart";
import { DatasetsPanel } from "./datasets-panel";
import { DeviceMixChart } from "./device-mix-chart";
import { LiveStaleNotice } from "@/components/status/live-stale-notice";
import { FragmentStrip } from "./fragment-strip";
import { PipelineControl } from "./pipeline-control";
import { TopCustomersChart } from "./top-customers-chart";

/** Each fragment's panel, by fragment id (lib/story/steps.ts names them). */
const PANELS: Record<string, ReactNode> = {
  "top-customers": <TopCustomersChart />,
  rows: <CountsOverTimeChart />,
  datasets: <DatasetsPanel />,
  answer: (
    <div className="grid h-full grid-cols-1 gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)] [html.presenter_&]:lg:grid-cols-[minmax(0,3fr)_minmax(0,1fr)]">
      <DeviceMixChart />
      <WhatNext />
    </div>
  ),
};

// One chart at a time gets the room a projector needs: what is left of the screen under the
// header, the step's title, the pipeline banner and the footer (rem, so presenter type is counted).
const chartRoom = { "--chart-h": "clamp(8rem, calc(100vh - 37rem), 34rem)" } as CSSProperties;

/**
 * Step 5: the live comparison, one fragment at a time (→ / PageDown reveals the next). Every
 * panel stays mounted, so its live query has data by the time it is revealed; the hidden ones are
 * invisible and inert.
 */
export function DifferenceDashboard({
  fragments,
  fragment,
  onShowFragment,
}: {
  fragments: readonly StoryFragment[];
  fragment: number;
  onShowFragment: (index: number) => void;
}) {
  return (
    <div className="flex flex-col gap-3" style={chartRoom}>
      <PipelineControl />
      <LiveStaleNotice />
      <FragmentStrip fragments={fragments} current={fragment} onShow={onShowFragment} />
      <div className="grid">
        {fragments.map((part, index) => {
          const showing = index === fragment;
          return (
            <div
              key={part.id}
              className={`[grid-area:1/1] min-w-0 ${showing ? "" : "invisible"}`}
              aria-hidden={!showing}
              inert={!showing}
              data-fragment-id={part.id}
              data-point={showing ? "" : undefined}
            >
              {PANELS[part.id]}
            </div>
          );
        })}
      </div>
    </div>
  );
}
