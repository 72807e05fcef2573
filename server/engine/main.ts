import { loadConfig } from "../config";
import { runChildService, type ChildService } from "../stack/child/run-child-service";
import { engineOptionsFromConfig } from "./engine-options";
import { startEngineHttpServer, type EngineHttpServer } from "./http/engine-http-server";
import { createKafkaSqlEngine, type KafkaSqlEngine } from "./kafka-sql-engine";

/**
 * The Kafka SQL engine as a service: forked by the supervisor (name `engine`), or run alone with
 * `npx tsx server/engine/main.ts` (KAFKA_BROKERS / ENGINE_PORT pick the broker and port).
 */
const config = loadConfig();
let engine: KafkaSqlEngine | undefined;
let server: EngineHttpServer | undefined;
const log = (message: string) => console.log(`[${new Date().toISOString()}] engine: ${message}`);

const service: ChildService = {
  name: "engine",
  async start() {
    engine = await createKafkaSqlEngine({ ...engineOptionsFromConfig(config), log });
    server = await startEngineHttpServer(engine, { host: config.bindHost, port: config.engine.port });
    log(`SQL over Kafka (${config.kafka.brokers.join(",")}) at ${config.engine.url}`);
  },
  async status() {
    if (!engine) return { name: "engine", healthy: false, detail: "starting" };
    const health = await engine.health();
    const topics = health.topics.filter((topic) => !topic.hidden).length;
    return {
      name: "engine",
      healthy: health.healthy,
      detail: health.healthy
        ? `${topics} topics, ${health.ingestedMessages} messages ingested, lag ${health.lagMessages}`
        : `Kafka unreachable: ${health.lastError ?? "unknown error"}`,
      metrics: {
        ingestedMessages: health.ingestedMessages,
        lagMessages: health.lagMessages,
        freshnessMs: health.freshnessMs,
        corruptMessages: health.corruptMessages,
        misfitValues: health.misfitValues,
        undecodedMessages: health.undecodedMessages,
        topics,
        runningQueries: health.runningQueries,
        queuedQueries: health.queuedQueries,
        queriesReceived: health.queriesReceived,
        catalogRequests: health.catalogRequests,
        rssBytes: process.memoryUsage().rss,
      },
    };
  },
  async stop() {
    await server?.close();
    await engine?.close();
  },
};

void runChildService(service);
