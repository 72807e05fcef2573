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
 * in the lab, every run lands in the history (a cancelled one as cancelled, with how long it ran).
 */
export async function runPane(workspace: string, pane: PaneId, defaults: PaneDefault, part?: string): Promise<RunState | null> {
  const resolved = resolvePane(workspace, pane, defaults);
  const database = resolved.database;
  const sql = part ?? resolved.sql;
  const state = await useResults.getState().run(runKey(workspace, pane), database, sql);
  // A run replaced by a newer one of the same pane (state null) is not worth a history line.
  if (workspace === "lab" && state) {
    const cancelled = state.status === "cancelled";
    useWorkspace.getState().addHistory({
      id: `${Date.now()}-${pane}`,
      database,
      sql,
      ranAt: new Date().toISOString(),
      ok: state.status === "done",
      ...(cancelled ? { cancelled: true } : {}),
      rowCount: state.result?.rowCount ?? null,
      elapsedMs: cancelled ? (state.cancelledAfterMs ?? null) : (state.result?.elapsedMs ?? null),
    });
  }
  return state;
}
