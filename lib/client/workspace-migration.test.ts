import { describe, expect, it } from "vitest";
import { migrateWorkspace } from "./workspace-migration";

const savedQuery = { database: "warehouse", schema: null, sql: "SELECT count(*) AS kept FROM purchases;" };

describe("the workspace's saved state", () => {
  it("moves editor contents and progress saved by step number (version 1) to the step's name", () => {
    const v1 = {
      panes: { "story-3": { left: savedQuery }, "story-4": { right: { ...savedQuery, database: "kafka" } }, lab: { left: savedQuery } },
      history: [{ id: "1" }],
      visitedSteps: [0, 3, 4],
      lastStep: 4,
    };
    expect(migrateWorkspace(v1, 1)).toEqual({
      panes: {
        "story-warehouse": { left: savedQuery },
        "story-kafka": { right: { ...savedQuery, database: "kafka" } },
        lab: { left: savedQuery },
      },
      history: [{ id: "1" }],
      visitedSteps: ["problem", "warehouse", "kafka"],
      lastStep: "kafka",
    });
  });

  it("keeps state already keyed by name, and drops step names it does not know", () => {
    const v2 = { panes: { "story-warehouse": { left: savedQuery } }, history: [], visitedSteps: ["warehouse", "gone"], lastStep: "gone" };
    expect(migrateWorkspace(v2, 2)).toEqual({
      panes: { "story-warehouse": { left: savedQuery } },
      history: [],
      visitedSteps: ["warehouse"],
      lastStep: null,
    });
  });

  it("turns unreadable saved state into an empty workspace instead of failing", () => {
    expect(migrateWorkspace("garbage", 1)).toEqual({ panes: {}, history: [], visitedSteps: [], lastStep: null });
    expect(migrateWorkspace({ panes: 3, visitedSteps: [99, "x"], lastStep: 42 }, 1)).toEqual({
      panes: {},
      history: [],
      visitedSteps: [],
      lastStep: null,
    });
  });
});
