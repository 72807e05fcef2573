import type { FomoConfig } from "../../config";
import { startKafkaBroker, type KafkaBroker } from "../kafka/kafka-broker";
import { kafkaPaths } from "../kafka/kafka-paths";
import { startWarehouseServer, type WarehouseServer } from "../warehouse/warehouse-server";
import { warehousePaths } from "../warehouse/warehouse-paths";
import { RestartingInfraService } from "./restarting-infra-service";

export interface EmbeddedInfraOptions {
  config: FomoConfig;
  env: NodeJS.ProcessEnv;
  /** Also tells of crashes and restarts. */
  log: (line: string) => void;
}

/** Clients on 0.0.0.0 would not connect: a server bound to every interface is reached on loopback. */
function clientHost(config: FomoConfig): string {
  return config.bindHost === "0.0.0.0" ? "127.0.0.1" : config.bindHost;
}

/** The stack's own Kafka broker, started again on the same storage after a crash. */
export function startEmbeddedKafka({ config, env, log }: EmbeddedInfraOptions): Promise<RestartingInfraService<KafkaBroker>> {
  const logPath = kafkaPaths(config.stackDir).logFile;
  return RestartingInfraService.start({
    name: "kafka",
    logPath,
    log,
    start: (hooks) =>
      startKafkaBroker({
        stackDir: config.stackDir,
        host: clientHost(config),
        port: config.kafka.port,
        controllerPort: config.kafka.controllerPort,
        heap: config.kafka.heap,
        javaHome: config.kafka.javaHome,
        searchPath: config.searchPath,
        env,
        log,
        onSpawn: hooks.onSpawn,
        onUnexpectedExit: hooks.onUnexpectedExit,
      }),
  });
}

/** The stack's own MariaDB/MySQL server, started again on the same data dir after a crash. */
export function startEmbeddedWarehouse({ config, env, log }: EmbeddedInfraOptions): Promise<RestartingInfraService<WarehouseServer>> {
  const logPath = warehousePaths(config.stackDir).logFile;
  return RestartingInfraService.start({
    name: "warehouse",
    logPath,
    log,
    start: (hooks) =>
      startWarehouseServer({
        stackDir: config.stackDir,
        port: config.warehouse.port,
        host: clientHost(config),
        mariadbBin: config.warehouse.mariadbBin,
        searchPath: config.searchPath,
        env,
        log,
        onSpawn: hooks.onSpawn,
        onUnexpectedExit: hooks.onUnexpectedExit,
      }),
  });
}
