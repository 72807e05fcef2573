import { afterEach, describe, expect, it, vi } from "vitest";
import { parseConfig } from "../config";
import { closeSharedWarehouseReadOnlyPool, sharedWarehouseReadOnlyPool } from "./shared-read-only-pool";

describe("shared warehouse read-only pool", () => {
  afterEach(async () => {
    await closeSharedWarehouseReadOnlyPool();
  });

  it("is created once per process, survives a module reload and is replaced after close", async () => {
    const config = parseConfig({ FOMO_PROFILE: "test" });
    const first = sharedWarehouseReadOnlyPool(config);
    expect(sharedWarehouseReadOnlyPool(config)).toBe(first);
    // Next's dev server re-evaluates modules on edits: the pool lives on globalThis, not in the module.
    vi.resetModules();
    const reloaded = await import("./shared-read-only-pool");
    expect(reloaded.sharedWarehouseReadOnlyPool).not.toBe(sharedWarehouseReadOnlyPool);
    expect(reloaded.sharedWarehouseReadOnlyPool(config)).toBe(first);
    await closeSharedWarehouseReadOnlyPool();
    expect(sharedWarehouseReadOnlyPool(config)).not.toBe(first);
  });
});
