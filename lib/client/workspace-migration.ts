import { z } from "zod";
import { isStepId, type StepId } from "../story/steps";

/**
 * Version 1 keyed story state by the step's position (`story-3`, visited [0, 3]). The order those
 * positions had then is frozen here: adding or moving a step later must not move anyone's saved work.
 */
const V1_STEP_ORDER: readonly StepId[] = ["problem", "environment", "workspace", "warehouse", "kafka", "difference"];

export const WORKSPACE_VERSION = 2;

export const storyWorkspaceKey = (stepId: StepId): string => `story-${stepId}`;

/** The persisted part of the workspace store; anything unreadable falls back to empty, never throws. */
const persistedSchema = z
  .object({
    panes: z.record(z.string(), z.record(z.string(), z.unknown())).catch({}),
    history: z.array(z.unknown()).catch([]),
    visitedSteps: z.array(z.union([z.number(), z.string()])).catch([]),
    lastStep: z.union([z.number(), z.string(), z.null()]).catch(null),
  })
  .catch({ panes: {}, history: [], visitedSteps: [], lastStep: null });

export interface MigratedWorkspace {
  panes: Record<string, Record<string, unknown>>;
  history: unknown[];
  visitedSteps: StepId[];
  lastStep: StepId | null;
}

function v1StepId(value: number | string | null): StepId | null {
  if (typeof value === "number") return V1_STEP_ORDER[value] ?? null;
  return isStepId(value) ? value : null;
}

function v1PaneKey(workspace: string): string {
  const match = /^story-(\d+)$/.exec(workspace);
  if (!match) return workspace;
  const id = V1_STEP_ORDER[Number(match[1])];
  return id ? storyWorkspaceKey(id) : workspace;
}

/** zustand's `migrate`: turns any earlier persisted workspace into the current shape. */
export function migrateWorkspace(persisted: unknown, version: number): MigratedWorkspace {
  const state = persistedSchema.parse(persisted);
  const byPosition = version < 2;
  const stepIdOf = (value: number | string | null) => (byPosition ? v1StepId(value) : isStepId(value) ? value : null);
  const visited = state.visitedSteps.map(stepIdOf).filter((id): id is StepId => id !== null);
  return {
    panes: byPosition ? Object.fromEntries(Object.entries(state.panes).map(([key, panes]) => [v1PaneKey(key), panes])) : state.panes,
    history: state.history,
    visitedSteps: [...new Set(visited)],
    lastStep: stepIdOf(state.lastStep),
  };
}
