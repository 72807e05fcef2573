import { z } from "zod";
import { registryConnectionOf } from "../decoding/registry-client";
import { loadConfig } from "../config";
import { warehouseConnectionOptions } from "../warehouse/connection-options";
import { connectorDatabaseName, PURCHASES_TABLE } from "../warehouse/schema";
import { startVersionHistoryPruner } from "../warehouse/version-history-pruner";
import { runChildService, type ChildService } from "../stack/child/run-child-service";
import { PipelineRestartTimer } from "./pipeline-restart-timer";
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
  registry: registryConnectionOf(config.schemaRegistry),
  log,
});

// Hosted visitors' stops read the row history (server/warehouse/system-versioning.ts): keep it only as long as a stop lasts.
const historyPruner = startVersionHistoryPruner({
  connection: warehouseConnectionOptions(config, "writer"),
  database: config.warehouse.database,
  longestStopMs: config.visitorStop.limitMs,
  log,
});

const restartTimer = new PipelineRestartTimer(() => sink.startLoading(), log);

/** `stop` may say when loading restarts on its own (epoch ms); without it, CONNECTOR_STOP_LIMIT_MS applies. */
const stopArgsSchema = z.object({ restartAt: z.number().int().positive().optional() });

function restartTimeFor(requested: number | undefined): number | undefined {
  if (requested !== undefined) return requested;
  const limit = config.connector.stopLimitMs;
  return limit > 0 ? Date.now() + limit : undefined;
}

const service: ChildService = {
  name: "connector",
  start: () => sink.start(),
  async status() {
    const status = await sink.status();
    const committedTotal = Object.values(status.committedOffsets).reduce((sum, next) => sum + next, 0);
    const restartsAt = !status.running && restartTimer.restartsAt !== undefined ? new Date(restartTimer.restartsAt).toISOString() : null;
    return {
      name: "connector",
      healthy: status.healthy,
      detail: restartsAt ? `${status.detail}; restarts on its own at ${restartsAt}` : status.detail,
      metrics: {
        running: status.running,
        restartsAt,
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
        // Why loading fails (null while it works): what step 5 and step 1 show as "pipeline failing".
        failure: status.failure,
        failingSince: status.failingSince,
        flushAttempts: status.flushAttempts,
        nextRetryAt: status.nextRetryAt,
        // The countdown "next batch in N s" (step 5, the diagram) counts to this.
        nextFlushAt: status.nextFlushAt,
        deadLettersPending: status.deadLettersPending,
        deadLetterFailure: status.deadLetterFailure,
        // Consuming waits for the schema registry (nothing is dead-lettered meanwhile); null otherwise.
        waitingForRegistry: status.waitingForRegistry,
      },
    };
  },
  commands: {
    async stop(args) {
      const restartAt = restartTimeFor(stopArgsSchema.parse(args).restartAt);
      if (restartAt !== undefined && restartAt <= Date.now()) {
        // A stop replayed after a crash whose restart time has passed: it is over already.
        restartTimer.cancel();
        await sink.startLoading();
        return { running: true, restartsAt: null };
      }
      await sink.stopLoading();
      if (restartAt === undefined) restartTimer.cancel();
      else restartTimer.schedule(restartAt);
      return { running: false, restartsAt: restartAt === undefined ? null : new Date(restartAt).toISOString() };
    },
    async start() {
      restartTimer.cancel();
      await sink.startLoading();
      return { running: true };
    },
  },
  stop: () => {
    restartTimer.cancel();
    historyPruner.stop();
    return sink.close();
  },
};

void runChildService(service);
