import { parseArgs } from "node:util";
import { z } from "zod";

/** Command-line options of `npm run chaos` (see bench/chaos/README.md). */
export const chaosOptionsSchema = z.object({
  seed: z.number().int(),
  connectorKills: z.number().int().min(0),
  brokerRestarts: z.number().int().min(0),
  poisonSize: z.number().int().min(0),
  /** Which scenarios run, in this order. */
  scenarios: z.array(z.enum(["connector", "broker", "heal", "poison"])).min(1),
  flushIntervalMs: z.number().int().min(1_000),
  generatorRate: z.number().min(0),
  generatorBacklog: z.number().int().min(0),
  stackDir: z.string(),
  /** Ports are `<base>092` (Kafka), `<base>093` (controller), `<base>306` (warehouse), `<base>100` (control), `<base>101` (engine), `<base>000` (web, unused). */
  portBase: z.number().int().min(1).max(64),
  resultsDir: z.string(),
});
export type ChaosOptions = z.infer<typeof chaosOptionsSchema>;

export function parseChaosOptions(argv: string[]): ChaosOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      seed: { type: "string" },
      "connector-kills": { type: "string" },
      "broker-restarts": { type: "string" },
      "poison-size": { type: "string" },
      scenarios: { type: "string" },
      "flush-interval-ms": { type: "string" },
      "generator-rate": { type: "string" },
      "generator-backlog": { type: "string" },
      "stack-dir": { type: "string" },
      "port-base": { type: "string" },
      "results-dir": { type: "string" },
    },
    strict: true,
  });
  return chaosOptionsSchema.parse({
    seed: Number(values.seed ?? 1277),
    connectorKills: Number(values["connector-kills"] ?? 20),
    brokerRestarts: Number(values["broker-restarts"] ?? 3),
    poisonSize: Number(values["poison-size"] ?? 1_000),
    scenarios: (values.scenarios ?? "connector,broker,heal,poison").split(",").map((name) => name.trim()),
    flushIntervalMs: Number(values["flush-interval-ms"] ?? 3_000),
    generatorRate: Number(values["generator-rate"] ?? 50),
    generatorBacklog: Number(values["generator-backlog"] ?? 10_000),
    stackDir: values["stack-dir"] ?? ".stack-chaos",
    portBase: Number(values["port-base"] ?? 17),
    resultsDir: values["results-dir"] ?? "bench/results",
  });
}

export function chaosPorts(base: number) {
  return {
    kafka: base * 1000 + 92,
    kafkaController: base * 1000 + 93,
    warehouse: base * 1000 + 306,
    control: base * 1000 + 100,
    engine: base * 1000 + 101,
    schemaRegistry: base * 1000 + 102,
    web: base * 1000,
  };
}
