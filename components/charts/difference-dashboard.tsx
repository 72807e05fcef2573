"use client";

import { CountsOverTimeChart } from "./counts-over-time-chart";
import { DatasetsPanel } from "./datasets-panel";
import { DeviceMixChart } from "./device-mix-chart";
import { LiveStaleNotice } from "@/components/status/live-stale-notice";
import { PipelineControl } from "./pipeline-control";
import { TopCustomersChart } from "./top-customers-chart";

/** Step 5: the live comparison, every figure pushed by the server (`/api/live`). */
export function DifferenceDashboard() {
  return (
    <div className="flex flex-col gap-4">
      <PipelineControl />
      <LiveStaleNotice />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2 2xl:grid-cols-[minmax(0,3fr)_minmax(0,3fr)_minmax(0,2fr)]">
        <CountsOverTimeChart />
        <TopCustomersChart />
        <div className="lg:col-span-2 2xl:col-span-1">
          <DatasetsPanel />
        </div>
        <div className="lg:col-span-2 2xl:col-span-3">
          <DeviceMixChart />
        </div>
      </div>
    </div>
  );
}
