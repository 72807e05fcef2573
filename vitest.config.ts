import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["server/**/*.test.ts", "lib/**/*.test.ts", "bench/**/*.test.ts"],
    // One real broker and one real warehouse for the whole run, started by the supervisor's code.
    globalSetup: ["server/stack/testing/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: keep at most two test files hitting the broker at once.
    pool: "forks",
    maxWorkers: 2,
    minWorkers: 1,
  },
});
