import { FomoError } from "../../lib/errors";
import type { ServiceStatus } from "../../lib/api/status";
import type { FomoConfig } from "../config";
import { warehouseConnectionOptions } from "../warehouse/connection-options";
import { ChildServiceHost } from "./children/child-service-host";
import { startControlServer } from "./control/control-server";
import { KafkaStatusProbe } from "./control/kafka-status-probe";
import { StackStatusBoard } from "./control/stack-status-board";
import { WarehouseStatusProbe } from "./control/warehouse-status-probe";
import { wipeLocalData } from "./fresh-start";
import { startEmbeddedKafka, startEmbeddedWarehouse } from "./infra/embedded-infra";
import { kafkaAcceptsClients } from "./kafka/kafka-admin";
import { kafkaJarsPresent } from "./kafka/kafka-jars";
import { findJavaRuntime } from "./prerequisites/java-runtime";
import { findMaven } from "./prerequisites/maven";
import { describeExit } from "./process/log-tail";
import type { ExitInfo } from "./process/managed-process";
import { killStaleProcesses } from "./process/pid-files";
import { ensurePortsFree } from "./process/port-check";
import { provisionStack } from "./provision-stack";
import { acquireStackLock } from "./process/stack-lock";
import { waitUntil } from "./process/wait-until";
import { REPO_ROOT } from "./repo-root";
import { requiredPorts } from "./required-ports";
import { probeExternalRegistry } from "../schema-registry/registry-status-probe";
import { CHILD_SERVICE_NAMES } from "./service-names";
import { stackChildEnvironment } from "./stack-environment";
import { findWarehouseServer } from "./warehouse/server-binary";
import { startWebBuild, webBuildIsCurrent } from "./web/web-build";
import { startWebServer, webAnswers } from "./web/web-server";
import path from "node:path";

type Layer = "app" | "infra";

interface Started {
  name: string;
  layer: Layer;
  stop(deadline: number): Promise<void>;
}

/** Whole-stack shutdown budget: Ctrl+C must leave nothing running after 10 s. */
const SHUTDOWN_APP_MS = 3_500;
const SHUTDOWN_TOTAL_MS = 9_300;

/**
 * `npm run demo`: checks ports and prerequisites, starts the broker, the warehouse and the web
 * build in parallel, provisions topics, table and accounts, forks the Node services, starts the
 * web app, and reports readiness. Everything it started is stopped by `shutdown()`.
 */
export class StackSupervisor {
  readonly board = new StackStatusBoard();
  private readonly started: Started[] = [];
  private readonly children: ChildServiceHost[] = [];
  private closeControl: (() => Promise<void>) | undefined;
  private releaseLock: (() => void) | undefined;
  private stopping: Promise<void> | undefined;
  private readonly env: NodeJS.ProcessEnv;

  constructor(
    private readonly config: FomoConfig,
    private readonly log: (line: string) => void,
  ) {
    this.env = stackChildEnvironment(config);
  }

  private checkNotStopping(): void {
    if (this.stopping) throw new FomoError("stack:interrupted", "start interrupted by shutdown");
  }

  private onUnexpectedExit(name: string, logPath: string) {
    return (exit: ExitInfo) => {
      if (!this.stopping) this.log(`${name} ${describeExit(exit)} unexpectedly; see ${logPath}`);
    };
  }

  async start(options: { fresh: boolean }): Promise<void> {
    const { config } = this;
    this.releaseLock = await acquireStackLock(config.stackDir, "npm run demo");
    await killStaleProcesses(config.stackDir, this.log);
    if (options.fresh) {
      const removed = wipeLocalData(config.stackDir);
      this.log(removed.length > 0 ? `--fresh: removed ${removed.join(", ")}` : "--fresh: nothing to remove");
    }
    const { schemaRegistry } = config;
    if (schemaRegistry.external) this.board.externalSchemaRegistry = () => probeExternalRegistry(schemaRegistry.url, schemaRegistry.auth);
    for (const name of CHILD_SERVICE_NAMES) {
      if (name === "schema-registry" && schemaRegistry.external) continue;
      const logPath = path.join(config.stackDir, "logs", `${name}.log`);
      const host = new ChildServiceHost(name, {
        stackDir: config.stackDir,
        logPath,
        env: this.env,
        onUnexpectedExit: this.onUnexpectedExit(name, logPath),
        log: this.log,
      });
      this.children.push(host);
    }
    await ensurePortsFree(config.bindHost, requiredPorts(config));
    await this.checkPrerequisites();

    const control = await startControlServer({ host: config.bindHost, port: config.control.port, board: this.board });
    this.closeControl = control.close;
    this.log(`control API on ${config.control.url}`);

    const backend = (async () => {
      await Promise.all([this.startKafka(), this.startWarehouse()]);
      this.checkNotStopping();
      await this.provision();
      this.checkNotStopping();
      await this.startChildren();
    })();
    await Promise.all([backend, this.startWeb()]);
    this.checkNotStopping();
    await this.waitAllHealthy();
    this.log(
      config.web.enabled
        ? `FOMO is ready at ${config.web.url}`
        : `FOMO is ready at ${config.control.url} (web app not started: FOMO_SKIP_WEB)`,
    );
  }

  /** Fails fast, before anything starts, when a needed program is missing. */
  private async checkPrerequisites(): Promise<void> {
    const { config } = this;
    if (!config.kafka.externalBrokers) {
      await findJavaRuntime(config.kafka.javaHome, config.searchPath);
      if (!kafkaJarsPresent(config.stackDir, path.join(REPO_ROOT, "infra", "kafka", "pom.xml"))) findMaven(config.searchPath);
    }
    if (!config.warehouse.externalAdminUrl) await findWarehouseServer(config.warehouse.mariadbBin, config.searchPath);
  }

  private async startKafka(): Promise<void> {
    const { config } = this;
    if (config.kafka.externalBrokers) {
      const brokers = config.kafka.externalBrokers;
      this.board.startingDetail.kafka = `connecting to ${brokers.join(",")} (KAFKA_BROKERS)`;
      await waitUntil(() => kafkaAcceptsClients(brokers, config.kafka.security), {
        what: `the Kafka cluster at ${brokers.join(",")} (KAFKA_BROKERS)`,
        timeoutMs: 30_000,
        hint: "Check that it runs and that KAFKA_BROKERS is right, or unset KAFKA_BROKERS to use the embedded broker.",
      });
      this.board.kafka = new KafkaStatusProbe(brokers, `Kafka at ${brokers.join(",")} (KAFKA_BROKERS)`);
      return;
    }
    this.board.startingDetail.kafka = "starting the embedded broker";
    const startedAt = Date.now();
    const broker = await startEmbeddedKafka({ config, env: this.env, log: this.log });
    this.started.push({ name: "kafka", layer: "infra", stop: (deadline) => broker.stop(deadline) });
    const brokers = broker.instance?.brokers ?? config.kafka.brokers;
    this.board.kafka = new KafkaStatusProbe(brokers, `embedded Kafka broker on ${brokers.join(",")}`);
    this.board.infra.kafka = broker;
    this.log(`kafka: broker on ${brokers.join(",")} ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  }

  private async startWarehouse(): Promise<void> {
    const { config } = this;
    const admin = warehouseConnectionOptions(config, "admin");
    if (config.warehouse.externalAdminUrl) {
      const where = `${config.warehouse.host}:${config.warehouse.port} (MYSQL_URL)`;
      this.board.startingDetail.warehouse = `connecting to ${where}`;
      const { default: mysql } = await import("mysql2/promise");
      await waitUntil(
        async () => {
          const connection = await mysql.createConnection({ ...admin, database: undefined, connectTimeout: 2_000 });
          await connection.end();
          return true;
        },
        {
          what: `the MySQL server at ${where}`,
          timeoutMs: 30_000,
          hint: "Check that it runs and that MYSQL_URL (user, password, host, port) is right.",
        },
      );
      this.board.warehouse = new WarehouseStatusProbe(admin, config.warehouse.database, `MySQL server at ${where}`);
      return;
    }
    this.board.startingDetail.warehouse = "starting the private server";
    const startedAt = Date.now();
    const server = await startEmbeddedWarehouse({ config, env: this.env, log: this.log });
    this.started.push({ name: "warehouse", layer: "infra", stop: (deadline) => server.stop(deadline) });
    const flavor = server.instance?.binary.flavor === "mysql" ? "MySQL" : "MariaDB";
    const where = `${server.instance?.host ?? config.warehouse.host}:${config.warehouse.port}`;
    this.board.warehouse = new WarehouseStatusProbe(admin, config.warehouse.database, `private ${flavor} server on ${where}`);
    this.board.infra.warehouse = server;
    this.log(`warehouse: ${flavor} on ${where} ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  }

  private async provision(): Promise<void> {
    await provisionStack(this.config, this.log);
  }

  private async startChildren(): Promise<void> {
    for (const child of this.children) {
      child.start();
      this.board.children.set(child.name, child);
      this.started.push({ name: child.name, layer: "app", stop: (deadline) => child.stop(deadline) });
    }
    await Promise.all(this.children.map((child) => child.waitReady(120_000)));
  }

  private async startWeb(): Promise<void> {
    const { config } = this;
    if (!config.web.enabled) {
      this.board.web = async () => ({ name: "web", healthy: false, detail: "not started: FOMO_SKIP_WEB is set" });
      return;
    }
    if (!config.web.devMode) {
      const { current, hash } = webBuildIsCurrent(config.stackDir, config.web.distDir);
      if (!current) {
        this.board.startingDetail.web = `building the web app (see ${path.join(config.stackDir, "logs", "web-build.log")})`;
        this.log("web: building the production app (next build) in parallel...");
        const startedAt = Date.now();
        const build = startWebBuild({ stackDir: config.stackDir, hash, env: this.env });
        this.started.push({ name: "web-build", layer: "app", stop: (deadline) => build.process.stop(deadline) });
        await build.done;
        this.log(`web: built in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
      }
    }
    this.checkNotStopping();
    const logPath = path.join(config.stackDir, "logs", "web.log");
    const web = startWebServer({ config, env: this.env, onUnexpectedExit: this.onUnexpectedExit("web", logPath) });
    this.started.push({ name: "web", layer: "app", stop: (deadline) => web.stop(deadline) });
    const mode = config.web.devMode ? "next dev" : "next start";
    this.board.web = async (): Promise<ServiceStatus> => {
      if (web.exitInfo) return { name: "web", healthy: false, detail: `${mode} ${describeExit(web.exitInfo)}; see ${logPath}` };
      const healthy = await webAnswers(config).catch(() => false);
      return {
        name: "web",
        healthy,
        detail: healthy ? `${mode} at ${config.web.url}` : `${mode} at ${config.web.url} is not answering yet`,
      };
    };
    await waitUntil(() => webAnswers(config), {
      what: `the web app at ${config.web.url}`,
      timeoutMs: config.web.devMode ? 180_000 : 60_000,
      intervalMs: 500,
      abortIf: () => web.exitInfo && `The web app (${mode}) ${describeExit(web.exitInfo)}; see ${logPath}`,
      hint: `See ${logPath}.`,
    });
  }

  /** Readiness: every service that runs is healthy (the web app is left out when FOMO_SKIP_WEB). */
  private async waitAllHealthy(): Promise<void> {
    let unhealthy: ServiceStatus[] = [];
    const skipped = new Set<string>();
    if (!this.config.web.enabled) skipped.add("web");
    await waitUntil(
      async () => {
        const { services } = await this.board.collect();
        unhealthy = services.filter((service) => !service.healthy && !skipped.has(service.name));
        return unhealthy.length === 0;
      },
      {
        what: "every service to report healthy",
        timeoutMs: 90_000,
        intervalMs: 500,
        abortIf: () => (this.stopping ? "start interrupted by shutdown" : undefined),
        hint: "",
      },
    ).catch((error: unknown) => {
      if (unhealthy.length === 0) throw error;
      throw new FomoError(
        "stack:service_failed",
        `Not every service became healthy: ${unhealthy.map((service) => `${service.name} (${service.detail})`).join("; ")}`,
        { cause: error },
      );
    });
  }

  /** Stops everything this run started, apps first, then the broker and the warehouse, within 10 s. */
  shutdown(): Promise<void> {
    this.stopping ??= this.stopAll();
    return this.stopping;
  }

  private async stopAll(): Promise<void> {
    const begin = Date.now();
    const stopLayer = async (layer: Layer, deadline: number) => {
      const members = [...this.started].reverse().filter((started) => started.layer === layer);
      await Promise.all(
        members.map((started) =>
          started.stop(deadline).catch((error: unknown) => this.log(`error stopping ${started.name}: ${(error as Error).message}`)),
        ),
      );
    };
    await stopLayer("app", begin + SHUTDOWN_APP_MS);
    await this.closeControl?.().catch(() => undefined);
    await Promise.all([this.board.kafka?.close(), this.board.warehouse?.close()]);
    await stopLayer("infra", begin + SHUTDOWN_TOTAL_MS);
    // Anything spawned while a start was still in flight is only known through its pid file.
    if (this.releaseLock) await killStaleProcesses(this.config.stackDir, this.log);
    this.releaseLock?.();
    this.log(`stopped in ${((Date.now() - begin) / 1000).toFixed(1)} s`);
  }
}
