import path from "node:path";
import type { ConnectionOptions } from "mysql2";
import { startKafkaBroker } from "../server/stack/kafka/kafka-broker";
import { startWarehouseServer } from "../server/stack/warehouse/warehouse-server";
import type { BenchOptions } from "./bench-options";

/**
 * The broker and warehouse the benchmark runs against: by default its own, started with the
 * stack's provisioning code under `.stack-bench` on their own ports (a running demo is never
 * disturbed); `--brokers` / `--mysql-url` use existing ones instead.
 */
export interface BenchStack {
  brokers: string[];
  /** Administrator of the warehouse server (creates the bench database and its reader). */
  warehouseAdmin: ConnectionOptions;
  /** Host the read-only account connects from/to (TCP). */
  warehouseHost: string;
  warehousePort: number;
  kafkaDescription: string;
  stop(): Promise<void>;
}

function adminFromUrl(url: string): { admin: ConnectionOptions; host: string; port: number } {
  const parsed = new URL(url);
  const host = parsed.hostname;
  const port = parsed.port ? Number(parsed.port) : 3306;
  return {
    admin: { host, port, user: decodeURIComponent(parsed.username) || "root", password: decodeURIComponent(parsed.password) || undefined },
    host,
    port,
  };
}

export async function startBenchStack(options: BenchOptions, log: (line: string) => void): Promise<BenchStack> {
  const stackDir = path.resolve(options.stackDir);
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const stopOne of stops.reverse()) await stopOne().catch(() => undefined);
  };
  try {
    let brokers = options.brokers;
    let kafkaDescription = "external";
    if (!brokers) {
      log(`starting a Kafka broker on port ${options.kafkaPort} under ${stackDir}`);
      const broker = await startKafkaBroker({
        stackDir,
        port: options.kafkaPort,
        controllerPort: options.kafkaControllerPort,
        heap: "1g",
        log,
      });
      stops.push(() => broker.stop());
      brokers = broker.brokers;
      kafkaDescription = "embedded (infra/kafka/pom.xml)";
    }

    if (options.mysqlUrl) {
      const { admin, host, port } = adminFromUrl(options.mysqlUrl);
      return { brokers, warehouseAdmin: admin, warehouseHost: host, warehousePort: port, kafkaDescription, stop };
    }
    log(`starting a warehouse server on port ${options.warehousePort} under ${stackDir}`);
    const warehouse = await startWarehouseServer({
      stackDir,
      port: options.warehousePort,
      extraServerArgs: [`--innodb-buffer-pool-size=${options.warehouseBufferPool}`],
      log,
    });
    stops.push(() => warehouse.stop());
    return {
      brokers,
      warehouseAdmin: warehouse.adminConnection,
      warehouseHost: warehouse.host,
      warehousePort: warehouse.port,
      kafkaDescription,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
