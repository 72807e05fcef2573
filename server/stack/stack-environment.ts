import { childEnvironment, type FomoConfig } from "../config";

/**
 * The environment every child (generator, connector, engine, web) starts with: the supervisor's
 * own plus the settings it resolved, so each child's `loadConfig()` sees the same stack.
 */
export function stackChildEnvironment(config: FomoConfig): NodeJS.ProcessEnv {
  const external = config.warehouse.externalAdminUrl;
  return childEnvironment({
    FOMO_PROFILE: config.profile,
    STACK_DIR: config.stackDir,
    BIND_HOST: config.bindHost,
    KAFKA_BROKERS: config.kafka.brokers.join(","),
    // KAFKA_SECURITY_PROTOCOL and KAFKA_SASL_* pass through as they are; file paths become absolute.
    KAFKA_TLS_CA_FILE: config.kafka.tlsFiles.ca,
    KAFKA_TLS_CERT_FILE: config.kafka.tlsFiles.cert,
    KAFKA_TLS_KEY_FILE: config.kafka.tlsFiles.key,
    MYSQL_URL: external,
    WAREHOUSE_PORT: external ? undefined : String(config.warehouse.port),
    WAREHOUSE_DATABASE: config.warehouse.database,
    PORT: String(config.web.port),
    CONTROL_PORT: String(config.control.port),
    ENGINE_PORT: String(config.engine.port),
    SCHEMA_REGISTRY_PORT: String(config.schemaRegistry.port),
    // `--hosted` on the command line must reach the web app and every service as the variable.
    FOMO_HOSTED: config.hosted.enabled ? "1" : "0",
    // Read by next.config.mjs (outside the config module: Next loads it before any of our code).
    FOMO_NEXT_DIST_DIR: config.web.distDir,
  });
}
