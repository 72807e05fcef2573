import type { FomoConfig } from "../config";
import { ensureHostedStoreFor } from "../hosted/hosted-store-connection";
import { hostedSecret } from "../hosted/hosted-secret";
import { warehouseConnectionOptions } from "../warehouse/connection-options";
import { demoTopics, ensureTopics } from "./kafka/topics";
import { ensureWarehouseLayout } from "./warehouse/ensure-warehouse";

/**
 * What the stack needs before its services start: the topics, the warehouse's database, table and
 * accounts, and in hosted mode the invitations' own database and the signing secret. Idempotent.
 */
export async function provisionStack(config: FomoConfig, log: (line: string) => void): Promise<void> {
  const [topics, layout] = await Promise.all([
    ensureTopics(config.kafka.brokers, demoTopics(config.connector.dlqTopic)),
    ensureWarehouseLayout({
      admin: warehouseConnectionOptions(config, "admin"),
      writer: warehouseConnectionOptions(config, "writer"),
      reader: warehouseConnectionOptions(config, "reader"),
      database: config.warehouse.database,
      systemVersioning: config.hosted.enabled,
    }),
  ]);
  if (topics.length > 0) log(`kafka: created topics ${topics.join(", ")}`);
  if (layout.length > 0) log(`warehouse: set up ${layout.join(", ")}`);
  if (config.hosted.enabled) {
    // Invitations live beside the warehouse, in a database of their own (server/hosted).
    const hosted = await ensureHostedStoreFor(config);
    if (hosted.length > 0) log(`warehouse: set up ${hosted.join(", ")} for hosted mode`);
    hostedSecret(config);
  }
}
