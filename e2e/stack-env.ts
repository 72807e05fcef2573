import { parseConfig, type FomoConfig } from "../server/config";

/**
 * The value format the e2e stack's generator writes: json unless the caller sets GENERATOR_FORMAT
 * (avro, protobuf; validated by the config module), so the whole suite can run in each format:
 * `GENERATOR_FORMAT=avro npm run test:e2e`.
 */
const generatorFormat = parseConfig(process.env).generator.format;

/**
 * The environment the e2e stack runs with (test profile, its own dir): shared by the Playwright
 * config that starts it and the specs that reach into it (warehouse grants, the control API).
 * Ports still come from the caller's environment (KAFKA_PORT, WAREHOUSE_PORT, CONTROL_PORT, …).
 */
export const E2E_STACK_ENV = {
  FOMO_PROFILE: "test",
  STACK_DIR: ".stack-e2e",
  // Short flushes so the warehouse fills within seconds and the pipeline stop is visible quickly.
  CONNECTOR_FLUSH_INTERVAL_MS: "3000",
  GENERATOR_FORMAT: generatorFormat,
  // Nothing may phone home during a test run (Next's telemetry included).
  NEXT_TELEMETRY_DISABLED: "1",
};

export function e2eStackConfig(): FomoConfig {
  return parseConfig({ ...process.env, ...E2E_STACK_ENV });
}
