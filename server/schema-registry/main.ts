import { loadConfig } from "../config";
import { ConfigError } from "../config/config-error";
import { runChildService, type ChildService } from "../stack/child/run-child-service";
import { startEmbeddedRegistry, type EmbeddedRegistry } from "./embedded-registry";

/**
 * The embedded Schema Registry as a service: forked by the supervisor (name `schema-registry`)
 * unless SCHEMA_REGISTRY_URL names an existing one, or run alone with `npx tsx server/schema-registry/main.ts`.
 */
const config = loadConfig();
const { schemaRegistry } = config;
let embedded: EmbeddedRegistry | undefined;
const log = (message: string) => console.log(`[${new Date().toISOString()}] schema-registry: ${message}`);

const service: ChildService = {
  name: "schema-registry",
  async start() {
    if (schemaRegistry.external) {
      throw new ConfigError(
        `SCHEMA_REGISTRY_URL is set (${schemaRegistry.url}): that registry is used and the embedded one is not started`,
      );
    }
    embedded = await startEmbeddedRegistry({
      brokers: config.kafka.brokers,
      topic: schemaRegistry.topic,
      host: config.bindHost,
      port: schemaRegistry.port,
      auth: schemaRegistry.auth,
    });
    log(`Confluent REST API at ${embedded.url}, schemas in topic ${schemaRegistry.topic}${schemaRegistry.auth ? ", basic auth" : ""}`);
  },
  status() {
    if (!embedded) return { name: "schema-registry", healthy: false, detail: "starting" };
    const problem = embedded.registry.problem();
    const { subjects, schemas } = embedded.registry.figures();
    return {
      name: "schema-registry",
      healthy: problem === undefined,
      detail: problem ?? `${subjects} subjects, ${schemas} schemas at ${embedded.url} (topic ${schemaRegistry.topic})`,
      metrics: { subjects, schemas },
    };
  },
  async stop() {
    await embedded?.close();
  },
};

void runChildService(service);
