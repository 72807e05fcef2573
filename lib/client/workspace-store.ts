"use client";

import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";
import type { Database } from "@/lib/api/query";
import type { StepId } from "@/lib/story/steps";
import { migrateWorkspace, WORKSPACE_VERSION } from "./workspace-migration";

export type PaneId = "left" | "right";

/** What one editor pane remembers across a reload. */
export interface PaneState {
  database: Database;
  /** Schema picked in the schema selector; null = the database's first schema. */
  schema: string | null;
  sql: string;
}

export interface HistoryEntry {
  id: string;
  database: Database;
  sql: string;
  ranAt: string;
  ok: boolean;
  /** Cancelled by the analyst (then `elapsedMs` is how long it had run). Absent in entries saved before Cancel existed. */
  cancelled?: boolean;
  rowCount: number | null;
  elapsedMs: number | null;
}

const HISTORY_LIMIT = 100;

interface WorkspaceStore {
  /** Editor panes by workspace (`story-warehouse`, `lab`), then by pane. Absent = the step's defaults. */
  panes: Record<string, Partial<Record<PaneId, PaneState>>>;
  /** Lab query history, newest first. */
  history: HistoryEntry[];
  /** Story steps the user has opened, for the progress indicator. */
  visitedSteps: StepId[];
  /** The step to continue at from the home page; null before the story was opened. */
  lastStep: StepId | null;
  setPane: (workspace: string, pane: PaneId, state: PaneState) => void;
  addHistory: (entry: HistoryEntry) => void;
  clearHistory: () => void;
  visitStep: (step: StepId) => void;
  resetStory: () => void;
}

export const useWorkspace = create<WorkspaceStore>()(
  persist(
    (set) => ({
      panes: {},
      history: [],
      visitedSteps: [],
      lastStep: null,
      setPane: (workspace, pane, state) => set((s) => ({ panes: { ...s.panes, [workspace]: { ...s.panes[workspace], [pane]: state } } })),
      addHistory: (entry) => set((s) => ({ history: [entry, ...s.history].slice(0, HISTORY_LIMIT) })),
      clearHistory: () => set({ history: [] }),
      visitStep: (step) =>
        set((s) => ({
          lastStep: step,
          visitedSteps: s.visitedSteps.includes(step) ? s.visitedSteps : [...s.visitedSteps, step],
        })),
      resetStory: () =>
        set((s) => ({
          visitedSteps: [],
          lastStep: null,
          panes: Object.fromEntries(Object.entries(s.panes).filter(([workspace]) => !workspace.startsWith("story-"))),
        })),
    }),
    {
      name: "fomo-workspace",
      // Version 2 keys story state by step name; version 1's `story-3` and step numbers are migrated.
      version: WORKSPACE_VERSION,
      migrate: (persisted, version) => migrateWorkspace(persisted, version) as unknown as WorkspaceStore,
      storage: createJSONStorage(() => localStorage),
      // Rehydrated by <ClientBoot/> after the first render so server and client markup agree.
      skipHydration: true,
    },
  ),
);
