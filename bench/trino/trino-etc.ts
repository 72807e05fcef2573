import fs from "node:fs";
import path from "node:path";

export interface TrinoCatalogSettings {
  brokers: string[];
  registryUrl: string;
  registryAuth: { username: string; password: string } | undefined;
}

export interface TrinoEtcOptions extends TrinoCatalogSettings {
  runDir: string;
  serverDir: string;
  port: number;
  heap: string;
}

export interface TrinoEtc {
  configFile: string;
  catalogDir: string;
  dataDir: string;
  logFile: string;
  jvmOptions: string[];
}

function properties(entries: Array<[string, string]>): string {
  return `${entries.map(([key, value]) => `${key}=${value}`).join("\n")}\n`;
}

/**
 * The `kafka` catalog as the issue describes it: Trino's Kafka connector with the Confluent
 * table-description supplier pointed at our registry. Every topic with a `<topic>-value` (or
 * `-key`) subject becomes `kafka.default.<topic>`; the columns come from the subject's latest
 * schema, fetched by Confluent's own kafka-schema-registry-client.
 */
export function kafkaCatalogProperties(settings: TrinoCatalogSettings): string {
  const entries: Array<[string, string]> = [
    ["connector.name", "kafka"],
    ["kafka.nodes", settings.brokers.join(",")],
    ["kafka.table-description-supplier", "CONFLUENT"],
    ["kafka.confluent-schema-registry-url", settings.registryUrl],
    ["kafka.default-schema", "default"],
    // The default, said out loud: _partition_id, _partition_offset... stay queryable, only not in SELECT * or DESCRIBE.
    ["kafka.hide-internal-columns", "true"],
    // A topic registered a moment before the query must be visible (the default is already 1 s).
    ["kafka.confluent-subjects-cache-refresh-interval", "1s"],
  ];
  if (settings.registryAuth) {
    entries.push(
      ["kafka.confluent-schema-registry-auth-type", "BASIC_AUTH"],
      ["kafka.confluent-schema-registry.basic-auth.username", settings.registryAuth.username],
      ["kafka.confluent-schema-registry.basic-auth.password", settings.registryAuth.password],
    );
  }
  return properties(entries);
}

/**
 * Writes a single-node coordinator's configuration into `runDir` (never into the cached install,
 * so two checks with different brokers cannot mix). Heap and query memory are kept small: the
 * machine is shared and the check reads a few thousand to a few million messages.
 */
export function writeTrinoEtc(options: TrinoEtcOptions): TrinoEtc {
  const etcDir = path.join(options.runDir, "etc");
  const catalogDir = path.join(etcDir, "catalog");
  const dataDir = path.join(options.runDir, "data");
  fs.mkdirSync(catalogDir, { recursive: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const configFile = path.join(etcDir, "config.properties");
  fs.writeFileSync(
    configFile,
    properties([
      ["coordinator", "true"],
      ["node-scheduler.include-coordinator", "true"],
      ["http-server.http.port", String(options.port)],
      ["discovery.uri", `http://127.0.0.1:${options.port}`],
      ["query.max-memory", "512MB"],
      ["query.max-memory-per-node", "256MB"],
      ["plugin.dir", path.join(options.serverDir, "plugin")],
      ["catalog.config-dir", catalogDir],
    ]),
  );
  fs.writeFileSync(path.join(etcDir, "log.properties"), properties([["io.trino", "INFO"]]));
  fs.writeFileSync(path.join(catalogDir, "kafka.properties"), kafkaCatalogProperties(options), { mode: 0o600 });
  const jvmOptions = [
    "-server",
    `-Xmx${options.heap}`,
    "-XX:+UseG1GC",
    "-XX:+ExitOnOutOfMemoryError",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:ReservedCodeCacheSize=256M",
    // Two cores shared with other work: fewer compiler and GC threads than the JVM would pick.
    "-XX:CICompilerCount=2",
    "-XX:ParallelGCThreads=2",
    "-XX:ConcGCThreads=1",
    "-Djdk.attach.allowAttachSelf=true",
    "-Dfile.encoding=UTF-8",
    "-XX:+EnableDynamicAgentLoading",
    "-Dnode.environment=fomo_check",
    "-Dnode.id=fomo-trino-check",
    `-Dnode.data-dir=${dataDir}`,
    `-Dconfig=${configFile}`,
    `-Dlog.levels-file=${path.join(etcDir, "log.properties")}`,
  ];
  return { configFile, catalogDir, dataDir, logFile: path.join(options.runDir, "server.log"), jvmOptions };
}
