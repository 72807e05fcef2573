import { z } from "zod";
import { registryConnectionOf } from "../decoding/registry-client";
import { loadConfig } from "../config";
import { FomoError } from "../../lib/errors";
import { runChildService, type ChildService } from "../stack/child/run-child-service";
import { createGenerator, MAX_RATE_PER_TOPIC } from "./generator";

/** The generator as a supervised child service (also runnable alone: `npx tsx server/generator/main.ts`). */
const config = loadConfig();
const log = (message: string) => console.log(`[${new Date().toISOString()}] generator: ${message}`);
const generator = createGenerator({
  brokers: config.kafka.brokers,
  seed: config.generator.seed,
  backlog: config.generator.backlog,
  ratePerTopic: config.generator.ratePerTopic,
  format: config.generator.format,
  registry: registryConnectionOf(config.schemaRegistry),
  log,
});

const setRateArgs = z.object({ ratePerTopic: z.number().min(0).max(MAX_RATE_PER_TOPIC) });

function parseArgs<T>(schema: z.ZodType<T>, args: unknown, command: string): T {
  const parsed = schema.safeParse(args);
  if (!parsed.success) {
    throw new FomoError(
      "bad_request:command_args",
      `${command}: ${parsed.error.issues.map((issue) => `${issue.path.join(".") || "args"} ${issue.message}`).join("; ")}`,
    );
  }
  return parsed.data;
}

const service: ChildService = {
  name: "generator",
  start: () => generator.start(),
  status() {
    const status = generator.status();
    return {
      name: "generator",
      healthy: status.healthy,
      detail: status.detail,
      metrics: {
        "produced.purchases": status.produced.purchases,
        "produced.requestlog": status.produced.requestlog,
        ratePerTopic: status.ratePerTopic,
        paused: status.paused,
        backlogComplete: status.backlogComplete,
        seed: config.generator.seed,
        backlog: config.generator.backlog,
        format: status.format,
        "schemaId.purchases": status.schemaIds.purchases ?? null,
        "schemaId.requestlog": status.schemaIds.requestlog ?? null,
      },
    };
  },
  commands: {
    async pause() {
      generator.pause();
      log("paused");
      return { paused: true };
    },
    async resume() {
      generator.resume();
      log("resumed");
      return { paused: false };
    },
    async setRate(args) {
      const { ratePerTopic } = parseArgs(setRateArgs, args, "setRate");
      generator.setRate(ratePerTopic);
      log(`rate set to ${ratePerTopic}/s per topic`);
      return { ratePerTopic };
    },
  },
  stop: () => generator.stop(),
};

void runChildService(service);
