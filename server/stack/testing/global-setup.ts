import type { TestProject } from "vitest/node";
import { childEnvironment, parseConfig } from "../../config";
import { startTestStack } from "./start-test-stack";

/**
 * Starts the real broker and warehouse for `vitest` on the test profile's ports and data dir
 * (29092/29093, 23306, `.stack-test`: never the demo's) with the supervisor's provisioning code,
 * and stops them after the run. FOMO_TEST_KAFKA_BROKERS / FOMO_TEST_MYSQL_URL point either part at
 * a running service instead.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = parseConfig(childEnvironment({ FOMO_PROFILE: "test" }));
  const log = (line: string) => console.log(`[test stack] ${line}`);
  const startedAt = Date.now();
  const stack = await startTestStack(config, log);
  if (stack.info.ownKafka || stack.info.ownWarehouse) {
    log(
      `ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s: Kafka ${stack.info.kafkaBrokers.join(",")}, warehouse ${stack.info.mysqlAdminUrl}`,
    );
  }
  project.provide("testStack", stack.info);
  return async () => {
    await stack.stop();
  };
}
