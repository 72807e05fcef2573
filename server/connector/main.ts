import { loadConfig } from "../config";
import { warehouseConnectionOptions } from "../warehouse/connection-options";
import { connectorDatabaseName, PURCHASES_TABLE } from "../warehouse/schema";
import { runChildService, type ChildService } from "../stack/child/run-child-service";
import { createWarehouseSink } from "./warehouse-sink";

/** The sink connector as a supervised child service (also runnable alone: `npx tsx server/connector/main.ts`). */
const config = loadConfig();
const log = (message: string) => console.log(`[${new Date().toISOString()}] connector: ${message}`);
const sink = createWarehouseSink({
  brokers: config.kafka.brokers,
  mysql: warehouseConnectionOptions(config, "writer"),
  database: config.warehouse.database,
  offsetsDatabase: connectorDatabaseName(config.warehouse.database),
  topic: PURCHASES_TABLE,
  dlqTopic: config.connector.dlqTopic,
  groupId: config.connector.groupId,
  flushIntervalMs: config.connector.flushIntervalMs,
  log,
});

const service: ChildService = {
  name: "connector",
  start: () => sink.start(),
  async status() {
    const status = await sink.status();
    const committedTotal = Object.values(status.committedOffsets).reduce((sum, next) => sum + next, 0);
    return {
      name: "connector",
      healthy: status.healthy,
      detail: status.detail,
      metrics: {
        running: status.running,
        rowsLoaded: status.rowsLoaded,
        lagMessages: status.lagMessages,
        lagSeconds: Math.round(status.lagSeconds * 10) / 10,
        lastFlushAt: status.lastFlushAt,
        deadLettered: status.deadLettered,
        flushIntervalMs: status.flushIntervalMs,
        bufferedMessages: status.bufferedMessages,
        committedOffsets: Object.entries(status.committedOffsets)
          .map(([partition, next]) => `${partition}:${next}`)
          .join(","),
        committedTotal,
        lastFlushRows: status.lastFlushRows,
        lastFlushMs: Math.round(status.lastFlushMs),
        // Why the warehouse may have lost rows: it was reset for a re-created topic.
        incarnationResetAt: status.incarnationReset?.at ?? null,
        incarnationResetReason: status.incarnationReset?.reason ?? null,
        incarnationResetRowsDeleted: status.incarnationReset?.rowsDeleted ?? null,
      },
    };
  },
  commands: {
    async stop() {
      await sink.stopLoading();
      return { running: false };
    },
    async start() {
      await sink.startLoading();
      return { running: true };
    },
  },
  stop: () => sink.close(),
};

void runChildService(service);
