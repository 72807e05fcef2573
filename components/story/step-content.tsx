"use client";

import { useCallback } from "react";
import type { Cell } from "@/lib/api/query";
import { resolvePane, runPane } from "@/lib/client/pane-state";
import { storyWorkspaceKey } from "@/lib/client/workspace-migration";
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

interface StepContentProps {
  step: StoryStep;
  /** The fragment showing, for a step that has fragments. */
  fragment: number;
  onShowFragment: (fragment: number) => void;
}

/** The body of each step, chosen by its kind: diagram, service status, editors, or the live dashboard. */
export function StepContent({ step, fragment, onShowFragment }: StepContentProps) {
  const panes = step.panes;
  const single = !!panes && Object.keys(panes).length === 1;
  const sizes = useEditorSizes(single);
  const workspace = storyWorkspaceKey(step.id);

  // Clicking a customer id loads the seed's device query for them on the Kafka side.
  const openDevices = useCallback(
    (_pane: PaneId, _column: string, value: Cell) => {
      if (!isCustomerId(value) || !panes?.right) return;
      const current = resolvePane(workspace, "right", panes.right);
      useWorkspace.getState().setPane(workspace, "right", { ...current, database: "kafka", sql: deviceMixSql(value) });
      void runPane(workspace, "right", panes.right);
    },
    [workspace, panes],
  );

  if (step.kind === "architecture")
    return (
      <div data-point="">
        <ArchitectureDiagram />
      </div>
    );
  if (step.kind === "services")
    return (
      <div data-point="">
        <ServiceOverview />
      </div>
    );
  if (step.kind === "dashboard")
    return <DifferenceDashboard fragments={step.fragments ?? []} fragment={fragment} onShowFragment={onShowFragment} />;
  if (!panes) return null;
  return (
    <div data-point="">
      <SqlWorkspace
        workspace={workspace}
        panes={panes}
        suggestions={step.suggestions}
        editorHeight={sizes.editorHeight}
        resultHeight={sizes.resultHeight}
        isCellActionable={step.customerOpensDevices ? isCustomerCell : undefined}
        onCellAction={step.customerOpensDevices ? openDevices : undefined}
        comparison={step.comparesTopSpenders ? <TopSpendersComparison workspace={workspace} panes={panes} /> : undefined}
        // Step 4's comparison strip draws both top 3 together; a chart per pane would only push it below the fold.
        resultCharts={!step.comparesTopSpenders}
      />
    </div>
  );
}
