/**
 * Default ports and directories per profile. The test profile uses other ports and another data
 * dir so that `npm test` never disturbs a running `npm run demo`.
 */
export interface ProfileDefaults {
  stackDir: string;
  kafkaPort: number;
  kafkaControllerPort: number;
  warehousePort: number;
  webPort: number;
  controlPort: number;
  enginePort: number;
  schemaRegistryPort: number;
  /** Next.js build output dir: separate per profile so a test build never replaces a running demo's. */
  nextDistDir: string;
}

export const profileDefaults: Record<"demo" | "test", ProfileDefaults> = {
  demo: {
    stackDir: ".stack",
    kafkaPort: 9092,
    kafkaControllerPort: 9093,
    warehousePort: 3307,
    webPort: 3000,
    controlPort: 3100,
    enginePort: 3101,
    schemaRegistryPort: 3102,
    nextDistDir: ".next",
  },
  test: {
    stackDir: ".stack-test",
    kafkaPort: 29092,
    kafkaControllerPort: 29093,
    warehousePort: 23306,
    webPort: 23000,
    controlPort: 23100,
    enginePort: 23101,
    schemaRegistryPort: 23102,
    nextDistDir: ".next-test",
  },
};
