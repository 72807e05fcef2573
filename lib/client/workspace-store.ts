"use client";

import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";
import type { Database } from "@/lib/api/query";

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
  /** Editor panes by workspace (`story-3`, `lab`), then by pane. Absent = the step's defaults. */
  panes: Record<string, Partial<Record<PaneId, PaneState>>>;
  /** Lab query history, newest first. */
  history: HistoryEntry[];
  /** Story steps the user has opened, for the progress indicator. */
  visitedSteps: number[];
  lastStep: number;
  setPane: (workspace: string, pane: PaneId, state: PaneState) => void;
  addHistory: (entry: HistoryEntry) => void;
  clearHistory: () => void;
  visitStep: (step: number) => void;
  resetStory: () => void;
}

export const useWorkspace = create<WorkspaceStore>()(
  persist(
    (set) => ({
      panes: {},
      history: [],
      visitedSteps: [],
      lastStep: 0,
      setPane: (workspace, pane, state) =>
        set((s) => ({ panes: { ...s.panes, [workspace]: { ...s.panes[workspace], [pane]: state } } })),
      addHistory: (entry) => set((s) => ({ history: [entry, ...s.history].slice(0, HISTORY_LIMIT) })),
      clearHistory: () => set({ history: [] }),
      visitStep: (step) =>
        set((s) => ({
          lastStep: step,
          visitedSteps: s.visitedSteps.includes(step) ? s.visitedSteps : [...s.visitedSteps, step].sort((a, b) => a - b),
        })),
      resetStory: () =>
        set((s) => ({
          visitedSteps: [],
          lastStep: 0,
          panes: Object.fromEntries(Object.entries(s.panes).filter(([workspace]) => !workspace.startsWith("story-"))),
        })),
    }),
    {
      name: "fomo-workspace",
      version: 1,
      storage: createJSONStorage(() => localStorage),
      // Rehydrated by <ClientBoot/> after the first render so server and client markup agree.
      skipHydration: true,
    },
  ),
);
