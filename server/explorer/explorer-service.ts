import "server-only";
import { loadConfig } from "../config";
import { registryConnectionOf, type RegistryConnection } from "../decoding/registry-client";
import { ExplorerRuntime } from "./explorer-runtime";
import { closeOnShutdown } from "./shutdown-hook";

const RUNTIME_KEY = Symbol.for("fomo.explorer.runtime");
const SHUTDOWN_HOOK_KEY = Symbol.for("fomo.explorer.shutdown-hook");
type GlobalWithRuntime = typeof globalThis & { [RUNTIME_KEY]?: ExplorerRuntime; [SHUTDOWN_HOOK_KEY]?: boolean };

/**
 * The one explorer runtime of this web server. Cached on globalThis so Next's dev reloads reuse
 * the same Kafka clients instead of opening new connections on every edit; closed on shutdown.
 */
export function explorerRuntime(): ExplorerRuntime {
  const holder = globalThis as GlobalWithRuntime;
  let runtime = holder[RUNTIME_KEY];
  if (runtime && !(runtime instanceof ExplorerRuntime)) {
    // A dev reload replaced the runtime's code: swap in a new one instead of running stale code.
    void (runtime as { close(): Promise<void> }).close();
    runtime = undefined;
  }
  if (!runtime) {
    const config = loadConfig();
    const created = new ExplorerRuntime({
      brokers: config.kafka.brokers,
      deadLetterTopic: config.connector.dlqTopic,
      maxConcurrentStreams: config.explorer.maxConcurrentStreams,
      registry: configuredRegistry(),
    });
    if (!holder[SHUTDOWN_HOOK_KEY]) {
      holder[SHUTDOWN_HOOK_KEY] = true;
      closeOnShutdown(async () => {
        await holder[RUNTIME_KEY]?.close();
      });
    }
    holder[RUNTIME_KEY] = created;
    runtime = created;
  }
  return runtime;
}

/** The Schema Registry the explorer reads: SCHEMA_REGISTRY_URL (with its basic auth) or the embedded one. */
export function configuredRegistry(): RegistryConnection {
  // Short: a page or a tail waits on it, and an unreachable registry is reported, not waited out.
  return registryConnectionOf(loadConfig().schemaRegistry, 3_000);
}
