import type { FomoConfig } from "../../config";
import { childEnvironment } from "../../config";
import { warehouseConnectionOptions } from "../../warehouse/connection-options";
import { startKafkaBroker, type KafkaBroker } from "../kafka/kafka-broker";
import { demoTopics, ensureTopics } from "../kafka/topics";
import { killStaleProcesses } from "../process/pid-files";
import { ensurePortsFree } from "../process/port-check";
import { acquireStackLock } from "../process/stack-lock";
import { ensureWarehouseLayout } from "../warehouse/ensure-warehouse";
import { startWarehouseServer, type WarehouseServer } from "../warehouse/warehouse-server";
import type { TestStackInfo } from "./test-stack-info";

export interface RunningTestStack {
  info: TestStackInfo;
  stop(): Promise<void>;
}

/** How long a test run waits for another test run that holds the same test stack dir. */
const WAIT_FOR_OTHER_TEST_RUN_MS = 10 * 60_000;

/**
 * The test profile's real broker and warehouse, started with the supervisor's own provisioning
 * code (its ports and stack dir, never the demo's), plus the same topics, table and accounts.
 * FOMO_TEST_KAFKA_BROKERS / FOMO_TEST_MYSQL_URL replace either part with a running one.
 */
export async function startTestStack(config: FomoConfig, log: (line: string) => void): Promise<RunningTestStack> {
  const useOwnKafka = !config.testing.kafkaBrokers;
  const useOwnWarehouse = !config.testing.mysqlUrl;
  let release: (() => void) | undefined;
  let broker: KafkaBroker | undefined;
  let warehouse: WarehouseServer | undefined;
  const stop = async () => {
    const deadline = Date.now() + 9_000;
    await Promise.all([broker?.stop(deadline), warehouse?.stop(deadline)]);
    release?.();
  };
  try {
    if (useOwnKafka || useOwnWarehouse) {
      release = await acquireStackLock(config.stackDir, "a vitest run", { waitMs: WAIT_FOR_OTHER_TEST_RUN_MS, log });
      await killStaleProcesses(config.stackDir, log);
      await ensurePortsFree("127.0.0.1", [
        ...(useOwnKafka
          ? [
              { port: config.kafka.port, service: "test Kafka broker", variable: "KAFKA_PORT" },
              { port: config.kafka.controllerPort, service: "test Kafka controller", variable: "KAFKA_CONTROLLER_PORT" },
            ]
          : []),
        ...(useOwnWarehouse ? [{ port: config.warehouse.port, service: "test warehouse server", variable: "WAREHOUSE_PORT" }] : []),
      ]);
    }
    const env = childEnvironment({});
    [broker, warehouse] = await Promise.all([
      useOwnKafka
        ? startKafkaBroker({
            stackDir: config.stackDir,
            port: config.kafka.port,
            controllerPort: config.kafka.controllerPort,
            heap: "512m",
            javaHome: config.kafka.javaHome,
            searchPath: config.searchPath,
            env,
            log,
          })
        : undefined,
      useOwnWarehouse
        ? startWarehouseServer({
            stackDir: config.stackDir,
            port: config.warehouse.port,
            mariadbBin: config.warehouse.mariadbBin,
            searchPath: config.searchPath,
            env,
            log,
          })
        : undefined,
    ]);
    const kafkaBrokers =
      broker?.brokers ??
      (config.testing.kafkaBrokers ?? "")
        .split(",")
        .map((b) => b.trim())
        .filter(Boolean);
    const mysqlAdminUrl = config.testing.mysqlUrl ?? `mysql://root@127.0.0.1:${config.warehouse.port}/${config.warehouse.database}`;
    // The warehouse layout is ensured with the same code as the demo, on whichever server is used.
    const resolved: FomoConfig = {
      ...config,
      warehouse: {
        ...config.warehouse,
        externalAdminUrl: config.testing.mysqlUrl,
        host: config.testing.mysqlUrl ? new URL(config.testing.mysqlUrl).hostname : "127.0.0.1",
        port: config.testing.mysqlUrl ? Number(new URL(config.testing.mysqlUrl).port || 3306) : config.warehouse.port,
        database: config.testing.mysqlUrl ? new URL(config.testing.mysqlUrl).pathname.slice(1) || "fomo_test" : config.warehouse.database,
      },
    };
    await Promise.all([
      ensureTopics(kafkaBrokers, demoTopics(config.connector.dlqTopic)),
      ensureWarehouseLayout({
        admin: warehouseConnectionOptions(resolved, "admin"),
        writer: warehouseConnectionOptions(resolved, "writer"),
        reader: warehouseConnectionOptions(resolved, "reader"),
        database: resolved.warehouse.database,
      }),
    ]);
    const info: TestStackInfo = {
      kafkaBrokers,
      mysqlAdminUrl,
      warehouseDatabase: resolved.warehouse.database,
      writer: config.warehouse.writer,
      reader: config.warehouse.reader,
      stackDir: config.stackDir,
      warehousePort: resolved.warehouse.port,
      ownKafka: useOwnKafka,
      ownWarehouse: useOwnWarehouse,
    };
    return { info, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
