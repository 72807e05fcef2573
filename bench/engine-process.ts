import { z } from "zod";
import { loadConfig } from "../server/config";
import { engineOptionsFromConfig } from "../server/engine/engine-options";
import { startEngineHttpServer } from "../server/engine/http/engine-http-server";
import { createKafkaSqlEngine } from "../server/engine/kafka-sql-engine";

/**
 * The engine as the benchmark runs it: its own process (so its RSS is honest), the product's
 * engine settings from the config, but only the benchmark's topics (a shared broker may hold
 * others). Reports on stdout, one JSON object per line: started, listening, caught_up.
 */
const argsSchema = z.object({ brokers: z.array(z.string()).min(1), topicPrefix: z.string().min(1) });
const args = argsSchema.parse(JSON.parse(process.argv[2] ?? "{}"));
const report = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);

const config = loadConfig();
const startedAt = performance.now();
const engine = await createKafkaSqlEngine({
  ...engineOptionsFromConfig(config),
  brokers: args.brokers,
  topicFilter: (topic) => topic.startsWith(args.topicPrefix),
});
report({ event: "started", ms: performance.now() - startedAt });
const server = await startEngineHttpServer(engine, { host: "127.0.0.1", port: 0 });
report({ event: "listening", port: server.port });

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.close();
  await engine.close();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());

await engine.waitForCaughtUp(30 * 60_000);
const health = await engine.health();
report({ event: "caught_up", ms: performance.now() - startedAt, ingestedMessages: health.ingestedMessages });
