import { parseArgs } from "node:util";
import { z } from "zod";
import { registryConnectionOf } from "../decoding/registry-client";
import { loadConfig } from "../config";
import { toFomoError } from "../../lib/errors";
import { bulkProduce } from "./bulk-produce";
import { TOPIC_KINDS } from "../dataset/topics";
import { VALUE_FORMATS } from "./event-schemas";

/**
 * Benchmark data loader:
 *   npx tsx server/generator/bulk-cli.ts --count 10000000 [--topic purchases|requestlog]
 *     [--target-topic name] [--brokers host:port,...] [--seed n] [--start-index n] [--format json|avro|protobuf]
 * Brokers, seed and format default to the FOMO configuration (KAFKA_BROKERS / the demo broker,
 * GENERATOR_SEED, GENERATOR_FORMAT); avro/protobuf use the configured Schema Registry.
 */
const argsSchema = z.object({
  count: z.coerce.number().int().min(0),
  topic: z.enum(TOPIC_KINDS).default("purchases"),
  "target-topic": z.string().min(1).optional(),
  brokers: z.string().min(1).optional(),
  seed: z.coerce.number().int().optional(),
  "start-index": z.coerce.number().int().min(0).default(0),
  format: z.enum(VALUE_FORMATS).optional(),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: "string" },
      topic: { type: "string" },
      "target-topic": { type: "string" },
      brokers: { type: "string" },
      seed: { type: "string" },
      "start-index": { type: "string" },
      format: { type: "string" },
    },
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(
      `usage: bulk-cli --count N [--topic purchases|requestlog] [--target-topic name] [--brokers list] [--seed n] [--start-index n] [--format json|avro|protobuf]\n${parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n")}`,
    );
    process.exit(2);
  }
  const args = parsed.data;
  const config = loadConfig();
  const brokers = args.brokers ? args.brokers.split(",").map((broker) => broker.trim()) : config.kafka.brokers;
  const target = args["target-topic"] ?? args.topic;
  const format = args.format ?? config.generator.format;
  console.log(`producing ${args.count.toLocaleString("en")} ${args.topic} events (${format}) into '${target}' on ${brokers.join(",")}`);
  const interactive = process.stdout.isTTY;
  let lastLineAt = 0;
  const result = await bulkProduce({
    brokers,
    topic: args.topic,
    targetTopic: args["target-topic"],
    count: args.count,
    seed: args.seed ?? config.generator.seed,
    startIndex: args["start-index"],
    format,
    registry: registryConnectionOf(config.schemaRegistry),
    onProgress: ({ produced, count, elapsedMs }) => {
      const rate = Math.round(produced / (elapsedMs / 1000));
      const line = `  ${produced.toLocaleString("en")} / ${count.toLocaleString("en")} (${count ? Math.floor((produced / count) * 100) : 100}%), ${rate.toLocaleString("en")} msg/s`;
      if (interactive) process.stdout.write(`\r${line}   `);
      else if (elapsedMs - lastLineAt >= 2_000 || produced === count) {
        lastLineAt = elapsedMs;
        console.log(line);
      }
    },
  });
  if (interactive) process.stdout.write("\n");
  const rate = Math.round(result.produced / (result.elapsedMs / 1000));
  console.log(
    `done: ${result.produced.toLocaleString("en")} messages in ${(result.elapsedMs / 1000).toFixed(1)} s = ${rate.toLocaleString("en")} msg/s`,
  );
}

main().catch((error: unknown) => {
  console.error(`bulk produce failed: ${toFomoError(error).message}`);
  process.exit(1);
});
