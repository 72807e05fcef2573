import fs from "node:fs";
import path from "node:path";
import { FomoError } from "../../../lib/errors";
import { childEnvironment } from "../../config";
import { ManagedProcess, type ExitInfo } from "../process/managed-process";
import { describeExit, tailOfFile } from "../process/log-tail";
import { waitUntil } from "../process/wait-until";
import { findJavaRuntime } from "../prerequisites/java-runtime";
import { REPO_ROOT } from "../repo-root";
import { PLAINTEXT_SECURITY } from "../../kafka/kafka-security";
import { renderLog4j2Properties, renderServerProperties } from "./broker-config";
import { scramFormatArguments, type BrokerListener, type BrokerSaslUsers } from "./broker-listeners";
import { ensureKafkaJars } from "./kafka-jars";
import { kafkaAcceptsClients } from "./kafka-admin";
import { kafkaPaths } from "./kafka-paths";
import { formatStorageOnce } from "./kafka-storage";

export interface KafkaBrokerOptions {
  /** Jars, data, logs and pid files go under this directory. */
  stackDir: string;
  port: number;
  controllerPort: number;
  host?: string;
  /** JVM heap, e.g. "768m". */
  heap?: string;
  javaHome?: string;
  /** PATH used to find java (when no javaHome) and mvn. */
  searchPath?: string;
  /** Environment of the java processes (default: this process's environment). */
  env?: NodeJS.ProcessEnv;
  pomPath?: string;
  startTimeoutMs?: number;
  log?: (line: string) => void;
  /** Called if the broker exits without being asked to. */
  onUnexpectedExit?: (exit: ExitInfo, logPath: string) => void;
  /** Secured listeners beside the PLAINTEXT one, and their SASL accounts (tests of SASL and TLS clients). */
  extraListeners?: BrokerListener[];
  saslUsers?: BrokerSaslUsers;
  /** Called as soon as the process is spawned, before it is ready (so a shutdown can stop it). */
  onSpawn?: (process: ManagedProcess) => void;
}

export interface KafkaBroker {
  brokers: string[];
  process: ManagedProcess;
  /** True when this start formatted new storage (false: existing data was reused). */
  formattedStorage: boolean;
  /** SIGTERM, then SIGKILL at `deadline` (epoch ms, default 8 s from now). */
  stop(deadline?: number): Promise<void>;
}

/**
 * Provisions and starts a single-node KRaft Kafka broker under `stackDir` and waits until a client
 * can list topics. Reuses jars and formatted storage from a previous start (stop + start again
 * to simulate a broker restart).
 */
export async function startKafkaBroker(options: KafkaBrokerOptions): Promise<KafkaBroker> {
  const host = options.host ?? "127.0.0.1";
  const env = options.env ?? childEnvironment({});
  const log = options.log ?? (() => undefined);
  const paths = kafkaPaths(options.stackDir);
  const java = await findJavaRuntime(options.javaHome, options.searchPath ?? env.PATH);
  const libs = await ensureKafkaJars({
    stackDir: options.stackDir,
    pomPath: options.pomPath ?? path.join(REPO_ROOT, "infra", "kafka", "pom.xml"),
    searchPath: options.searchPath ?? env.PATH,
    env,
    log,
  });

  fs.mkdirSync(paths.home, { recursive: true });
  fs.mkdirSync(path.dirname(paths.logFile), { recursive: true });
  fs.writeFileSync(
    paths.serverProperties,
    renderServerProperties({
      host,
      port: options.port,
      controllerPort: options.controllerPort,
      dataDir: paths.data,
      extraListeners: options.extraListeners,
      saslUsers: options.saslUsers,
    }),
  );
  fs.writeFileSync(paths.log4j2Properties, renderLog4j2Properties());
  const formattedStorage = await formatStorageOnce({
    javaPath: java.javaPath,
    libs,
    dataDir: paths.data,
    serverProperties: paths.serverProperties,
    log4j2Properties: paths.log4j2Properties,
    logFile: paths.logFile,
    env,
    formatArguments: scramFormatArguments(options.saslUsers ?? {}),
  });
  if (formattedStorage) log(`formatted new Kafka storage in ${paths.data}`);

  const heap = options.heap ?? "768m";
  const broker = ManagedProcess.start({
    name: "kafka",
    stackDir: options.stackDir,
    logPath: paths.logFile,
    env,
    launch: {
      kind: "spawn",
      command: java.javaPath,
      args: [
        `-Xmx${heap}`,
        `-Xms${heap}`,
        "-Djava.awt.headless=true",
        `-Dlog4j2.configurationFile=${paths.log4j2Properties}`,
        "-cp",
        `${libs}/*`,
        "kafka.Kafka",
        paths.serverProperties,
      ],
    },
    onExit: (exit) => {
      if (!broker.stopping) options.onUnexpectedExit?.(exit, paths.logFile);
    },
  });
  options.onSpawn?.(broker);
  const brokers = [`${host}:${options.port}`];
  const stop = (deadline = Date.now() + 8_000) => broker.stop(deadline);
  try {
    // The PLAINTEXT listener, whatever this process's own KAFKA_SECURITY_PROTOCOL says.
    await waitUntil(() => kafkaAcceptsClients(brokers, PLAINTEXT_SECURITY), {
      what: `the Kafka broker on ${brokers[0]} to accept clients`,
      timeoutMs: options.startTimeoutMs ?? 90_000,
      intervalMs: 300,
      abortIf: () =>
        broker.exitInfo &&
        `The Kafka broker ${describeExit(broker.exitInfo)} while starting; last lines of ${paths.logFile}:\n${tailOfFile(paths.logFile)}`,
      hint: `See ${paths.logFile}.`,
    });
  } catch (error) {
    await stop(Date.now() + 3_000);
    throw error instanceof FomoError ? error : new FomoError("stack:service_failed", String(error), { cause: error });
  }
  return { brokers, process: broker, formattedStorage, stop };
}
