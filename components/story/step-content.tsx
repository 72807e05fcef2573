"use client";

import { useCallback } from "react";
import type { Cell } from "@/lib/api/query";
import { resolvePane, runPane } from "@/lib/client/pane-state";
import { useWorkspace, type PaneId } from "@/lib/client/workspace-store";
import { deviceMixSql, isCustomerId } from "@/lib/story/story-sql";
import type { StoryStep } from "@/lib/story/steps";
import dynamic from "next/dynamic";
import { ArchitectureDiagram } from "./architecture-diagram";
import { ServiceOverview } from "./service-overview";
import { TopSpendersComparison } from "./top-spenders-comparison";
import { useEditorSizes } from "./use-editor-sizes";

// Split out of the first step's bundle: charts (recharts) and editors load only on the steps that show them.
const DifferenceDashboard = dynamic(() => import("@/components/charts/difference-dashboard").then((m) => m.DifferenceDashboard));
const SqlWorkspace = dynamic(() => import("@/components/editor/sql-workspace").then((m) => m.SqlWorkspace));

const isCustomerCell = (columnName: string, value: Cell) => columnName.toLowerCase() === "customerid" && isCustomerId(value);

/** The body of each step: diagram, service status, editors, or the live dashboard. */
export function StepContent({ step }: { step: StoryStep }) {
  const panes = step.panes;
  const single = !!panes && Object.keys(panes).length === 1;
  const sizes = useEditorSizes(single);
  const workspace = `story-${step.index}`;

  // Step 4: clicking a customer id loads the seed's device query for them on the Kafka side.
  const openDevices = useCallback(
    (_pane: PaneId, _column: string, value: Cell) => {
      if (!isCustomerId(value) || !panes?.right) return;
      const current = resolvePane(workspace, "right", panes.right);
      useWorkspace.getState().setPane(workspace, "right", { ...current, database: "kafka", sql: deviceMixSql(value) });
      void runPane(workspace, "right", panes.right);
    },
    [workspace, panes],
  );

  if (step.index === 0) return <ArchitectureDiagram />;
  if (step.index === 1) return <ServiceOverview />;
  if (step.index === 5) return <DifferenceDashboard />;
  if (!panes) return null;
  return (
    <SqlWorkspace
      workspace={workspace}
      panes={panes}
      suggestions={step.suggestions}
      editorHeight={sizes.editorHeight}
      resultHeight={sizes.resultHeight}
      isCellActionable={step.index === 4 ? isCustomerCell : undefined}
      onCellAction={step.index === 4 ? openDevices : undefined}
      comparison={step.index === 4 ? <TopSpendersComparison workspace={workspace} panes={panes} /> : undefined}
    />
  );
}
