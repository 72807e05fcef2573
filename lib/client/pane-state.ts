"use client";

import { useCallback } from "react";
import type { PaneDefault } from "@/lib/story/steps";
import { useResults, type RunState } from "./results-store";
import { useWorkspace, type PaneId, type PaneState } from "./workspace-store";

export function resolvePane(workspace: string, pane: PaneId, defaults: PaneDefault): PaneState {
  return useWorkspace.getState().panes[workspace]?.[pane] ?? { database: defaults.database, schema: null, sql: defaults.sql };
}

/** A pane's persisted state (or its defaults) and a setter that merges changes. */
export function usePaneState(workspace: string, pane: PaneId, defaults: PaneDefault): [PaneState, (change: Partial<PaneState>) => void] {
  const stored = useWorkspace((s) => s.panes[workspace]?.[pane]);
  const state = stored ?? { database: defaults.database, schema: null, sql: defaults.sql };
  const update = useCallback(
    (change: Partial<PaneState>) => {
      const current = resolvePane(workspace, pane, defaults);
      useWorkspace.getState().setPane(workspace, pane, { ...current, ...change });
    },
    [workspace, pane, defaults],
  );
  return [state, update];
}

export const runKey = (workspace: string, pane: PaneId) => `${workspace}:${pane}`;

/**
 * Runs what a pane holds now, or `part` of it (a selection or the statement under the cursor);
 * in the lab, every run lands in the history.
 */
export async function runPane(workspace: string, pane: PaneId, defaults: PaneDefault, part?: string): Promise<RunState> {
  const resolved = resolvePane(workspace, pane, defaults);
  const database = resolved.database;
  const sql = part ?? resolved.sql;
  const state = await useResults.getState().run(runKey(workspace, pane), database, sql);
  if (workspace === "lab" && state.error?.code !== "cancelled") {
    useWorkspace.getState().addHistory({
      id: `${Date.now()}-${pane}`,
      database,
      sql,
      ranAt: new Date().toISOString(),
      ok: state.status === "done",
      rowCount: state.result?.rowCount ?? null,
      elapsedMs: state.result?.elapsedMs ?? null,
    });
  }
  return state;
}
