import { z } from "zod";
import { createWarehouseSink } from "../warehouse-sink";

/**
 * Test entry: runs one warehouse sink in its own process so tests can kill -9 it. Settings come as
 * one JSON argument (no environment). Prints "flushed" lines to stdout and exits on SIGTERM.
 */
const settingsSchema = z.object({
  brokers: z.array(z.string()),
  mysql: z.object({ host: z.string(), port: z.number(), user: z.string(), password: z.string().optional() }),
  database: z.string(),
  offsetsDatabase: z.string(),
  topic: z.string(),
  dlqTopic: z.string(),
  groupId: z.string(),
  flushIntervalMs: z.number(),
  maxBufferedMessages: z.number().optional(),
  sessionTimeoutMs: z.number().optional(),
});

const settings = settingsSchema.parse(JSON.parse(process.argv[2] ?? "{}"));
const sink = createWarehouseSink({ ...settings, log: (message) => console.log(`sink: ${message}`) });
await sink.start();
console.log("sink: started");
const shutdown = () => {
  void sink.close().finally(() => process.exit(0));
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
