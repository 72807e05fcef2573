import { defineConfig } from "@playwright/test";
import { e2eStackConfig, E2E_STACK_ENV } from "./e2e/stack-env";

/**
 * End-to-end tests against the real stack in test mode (its own broker, warehouse and ports), driven
 * in Debian's Chromium. The stack is started once by `webServer` and stopped with SIGTERM. Its
 * generator writes GENERATOR_FORMAT from the environment (json by default; avro or protobuf through
 * the stack's Schema Registry), see e2e/stack-env.ts.
 */
const stackEnv = E2E_STACK_ENV;
const config = e2eStackConfig();

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results/artifacts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: config.web.url,
    viewport: { width: 1280, height: 720 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: config.testing.chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // node directly (not npx): the SIGTERM of gracefulShutdown then reaches the supervisor itself.
    // --fresh: every run starts from the same generated data, whatever an earlier run (in another
    // GENERATOR_FORMAT, say) left in .stack-e2e; the Kafka jars and the web build are kept.
    command: "node --import tsx server/stack/demo-cli.ts --fresh",
    env: stackEnv,
    wait: { stdout: /FOMO is ready at/ },
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
