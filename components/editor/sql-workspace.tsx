"use client";

import { useEffect, type ReactNode } from "react";
import type { Cell } from "@/lib/api/query";
import { resolvePane, runKey, runPane } from "@/lib/client/pane-state";
import { normalizeSql, useResults } from "@/lib/client/results-store";
import { useWorkspace, type PaneId } from "@/lib/client/workspace-store";
import type { PaneDefault, SuggestedQuery } from "@/lib/story/steps";
import { Button } from "@/components/ui/button";
import { ResultDiffView } from "@/components/results/result-diff-view";
import { EditorPane } from "./editor-pane";

export interface SqlWorkspaceProps {
  workspace: string;
  panes: Partial<Record<PaneId, PaneDefault>>;
  suggestions?: SuggestedQuery[];
  editorHeight: number;
  resultHeight: number;
  isCellActionable?: (columnName: string, value: Cell) => boolean;
  onCellAction?: (pane: PaneId, columnName: string, value: Cell) => void;
  /** Shown under the panes instead of the generic result diff (step 4's per-customer comparison). */
  comparison?: ReactNode;
  /** Whether results get their automatic chart; off where the comparison already draws the point. */
  resultCharts?: boolean;
}

const ORDER: PaneId[] = ["left", "right"];

/** The side-by-side pair: one or two editor panes, "Run on both", suggestions, and the diff. */
export function SqlWorkspace({
  workspace,
  panes,
  suggestions = [],
  editorHeight,
  resultHeight,
  isCellActionable,
  onCellAction,
  comparison,
  resultCharts = true,
}: SqlWorkspaceProps) {
  const present = ORDER.filter((id) => panes[id]);
  const both = present.length === 2;
  const leftRun = useResults((s) => s.runs[runKey(workspace, "left")]);
  const rightRun = useResults((s) => s.runs[runKey(workspace, "right")]);
  const anyRunning = leftRun?.status === "running" || rightRun?.status === "running";

  // Ctrl/Cmd+. outside the editors (which bind it themselves) cancels whatever this workspace runs.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !(event.ctrlKey || event.metaKey) || event.key !== ".") return;
      const results = useResults.getState();
      const running = ORDER.map((id) => runKey(workspace, id)).filter((key) => results.runs[key]?.status === "running");
      if (running.length === 0) return;
      event.preventDefault();
      running.forEach((key) => results.cancel(key));
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [workspace]);

  const runBoth = () => present.forEach((id) => void runPane(workspace, id, panes[id]!));

  const applySuggestion = (suggestion: SuggestedQuery) => {
    const targets = suggestion.target === "both" ? present : present.filter((id) => id === suggestion.target);
    for (const id of targets) {
      const current = resolvePane(workspace, id, panes[id]!);
      useWorkspace.getState().setPane(workspace, id, { ...current, sql: suggestion.sql });
      void runPane(workspace, id, panes[id]!);
    }
  };

  const showDiff =
    !comparison &&
    both &&
    leftRun?.status === "done" &&
    rightRun?.status === "done" &&
    leftRun.result &&
    rightRun.result &&
    normalizeSql(leftRun.sql) === normalizeSql(rightRun.sql);

  return (
    <div className="flex flex-col gap-3">
      {(both || suggestions.length > 0) && (
        <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Queries">
          {both && (
            <Button tone="primary" onClick={runBoth} disabled={anyRunning} data-testid="run-both">
              <span aria-hidden="true">▶▶</span> Run on both
            </Button>
          )}
          {suggestions.length > 0 && <span className="ml-1 text-xs font-medium tracking-wide text-faint uppercase">Try</span>}
          {suggestions.map((suggestion) => (
            <Button
              key={suggestion.id}
              size="sm"
              tone="neutral"
              onClick={() => applySuggestion(suggestion)}
              data-testid={`suggestion-${suggestion.id}`}
              aria-label={`${suggestion.label}: load and run`}
            >
              {suggestion.label}
            </Button>
          ))}
        </div>
      )}
      <div className={`grid gap-4 ${both ? "grid-cols-2" : "grid-cols-1"}`}>
        {present.map((id) => (
          <EditorPane
            key={id}
            workspace={workspace}
            pane={id}
            defaults={panes[id]!}
            editorHeight={editorHeight}
            resultHeight={resultHeight}
            resultChart={resultCharts}
            isCellActionable={isCellActionable}
            onCellAction={onCellAction ? (column, value) => onCellAction(id, column, value) : undefined}
          />
        ))}
      </div>
      {comparison}
      {showDiff && leftRun.result && rightRun.result && (
        <ResultDiffView
          left={{ database: leftRun.database, result: leftRun.result }}
          right={{ database: rightRun.database, result: rightRun.result }}
          sql={leftRun.sql}
        />
      )}
    </div>
  );
}
