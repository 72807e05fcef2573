import type { BasicCredentials } from "./http/basic-auth";
import { startRegistryHttpServer } from "./http/registry-http-server";
import { SchemaRegistry } from "./schema-registry";

export interface EmbeddedRegistryOptions {
  brokers: string[];
  /** The store topic (Confluent's default: `_schemas`). */
  topic: string;
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  auth: BasicCredentials | undefined;
  writeTimeoutMs?: number;
}

export interface EmbeddedRegistry {
  registry: SchemaRegistry;
  url: string;
  close(): Promise<void>;
}

/** Replays the store topic, then serves the REST API; `close()` stops the server, then the Kafka clients. */
export async function startEmbeddedRegistry(options: EmbeddedRegistryOptions): Promise<EmbeddedRegistry> {
  const registry = await SchemaRegistry.open({
    brokers: options.brokers,
    topic: options.topic,
    clientId: "fomo-schema-registry",
    writeTimeoutMs: options.writeTimeoutMs ?? 15_000,
  });
  try {
    const server = await startRegistryHttpServer(registry, { host: options.host, port: options.port, auth: options.auth });
    return {
      registry,
      url: server.url,
      async close() {
        await server.close();
        await registry.close();
      },
    };
  } catch (error) {
    await registry.close();
    throw error;
  }
}
