import fs from "node:fs";
import mysql from "mysql2/promise";
import type { ConnectionOptions } from "mysql2";
import { FomoError } from "../../../lib/errors";
import { childEnvironment } from "../../config";
import { ManagedProcess, type ExitInfo } from "../process/managed-process";
import { describeExit, tailOfFile } from "../process/log-tail";
import { waitUntil } from "../process/wait-until";
import { initialiseDataDirOnce, runAsUserArgs } from "./data-dir";
import { findWarehouseServer, type WarehouseServerBinary } from "./server-binary";
import { warehousePaths } from "./warehouse-paths";
import { PRIVATE_SERVER_ADMIN_USER } from "../../warehouse/connection-options";

export interface WarehouseServerOptions {
  stackDir: string;
  port: number;
  host?: string;
  /** Explicit mariadbd/mysqld path (MARIADB_BIN). */
  mariadbBin?: string;
  /** PATH used to find the server binary. */
  searchPath?: string;
  env?: NodeJS.ProcessEnv;
  startTimeoutMs?: number;
  /** More server options (the benchmark gives its warehouse a buffer pool that holds the table). */
  extraServerArgs?: string[];
  log?: (line: string) => void;
  onUnexpectedExit?: (exit: ExitInfo, logPath: string) => void;
  /** Called as soon as the process is spawned, before it is ready (so a shutdown can stop it). */
  onSpawn?: (process: ManagedProcess) => void;
}

export interface WarehouseServer {
  binary: WarehouseServerBinary;
  host: string;
  port: number;
  socketPath: string;
  /** root over the unix socket (no password). */
  adminConnection: ConnectionOptions;
  /** True when this start initialised a new data dir. */
  initialisedDataDir: boolean;
  process: ManagedProcess;
  stop(deadline?: number): Promise<void>;
}

async function answersPing(options: ConnectionOptions): Promise<boolean> {
  const connection = await mysql.createConnection({ ...options, connectTimeout: 2_000 });
  try {
    await connection.ping();
    return true;
  } finally {
    await connection.end().catch(() => undefined);
  }
}

function serverArgs(
  binary: WarehouseServerBinary,
  dataDir: string,
  options: { host: string; port: number; extra: string[] },
  paths: ReturnType<typeof warehousePaths>,
): string[] {
  const args = [
    "--no-defaults",
    `--basedir=${binary.baseDir}`,
    `--datadir=${dataDir}`,
    `--port=${options.port}`,
    `--bind-address=${options.host}`,
    `--socket=${paths.socket}`,
    `--pid-file=${paths.pidFile}`,
    `--log-error=${paths.logFile}`,
    "--skip-log-bin",
    "--character-set-server=utf8mb4",
    ...runAsUserArgs(),
  ];
  // MySQL 8 also opens an X Protocol port (33060) by default: one port per server is enough.
  if (binary.flavor === "mysql") args.push("--mysqlx=OFF");
  return [...args, ...options.extra];
}

/**
 * Starts a private MariaDB/MySQL server with its own data dir (initialised once) under
 * `stackDir`, on `port` and a unix socket, and waits until it answers a ping.
 */
export async function startWarehouseServer(options: WarehouseServerOptions): Promise<WarehouseServer> {
  const host = options.host ?? "127.0.0.1";
  const env = options.env ?? childEnvironment({});
  const log = options.log ?? (() => undefined);
  const paths = warehousePaths(options.stackDir);
  const binary = await findWarehouseServer(options.mariadbBin, options.searchPath ?? env.PATH);
  fs.mkdirSync(paths.home, { recursive: true });
  const initialisedDataDir = await initialiseDataDirOnce(binary, paths.data, paths.initLogFile, env);
  if (initialisedDataDir) log(`initialised a new warehouse data dir in ${paths.data}`);
  fs.rmSync(paths.socket, { force: true });

  const server = ManagedProcess.start({
    name: "warehouse",
    stackDir: options.stackDir,
    logPath: paths.logFile,
    env,
    launch: {
      kind: "spawn",
      command: binary.serverPath,
      args: serverArgs(binary, paths.data, { host, port: options.port, extra: options.extraServerArgs ?? [] }, paths),
    },
    onExit: (exit) => {
      if (!server.stopping) options.onUnexpectedExit?.(exit, paths.logFile);
    },
  });
  options.onSpawn?.(server);
  const adminConnection: ConnectionOptions = { socketPath: paths.socket, user: PRIVATE_SERVER_ADMIN_USER };
  const stop = (deadline = Date.now() + 8_000) => server.stop(deadline);
  try {
    await waitUntil(() => answersPing(adminConnection), {
      what: `the warehouse server (${binary.flavor}) on port ${options.port} to answer`,
      timeoutMs: options.startTimeoutMs ?? 60_000,
      intervalMs: 200,
      abortIf: () =>
        server.exitInfo &&
        `The warehouse server ${describeExit(server.exitInfo)} while starting; last lines of ${paths.logFile}:\n${tailOfFile(paths.logFile)}`,
      hint: `See ${paths.logFile}.`,
    });
  } catch (error) {
    await stop(Date.now() + 3_000);
    throw error instanceof FomoError ? error : new FomoError("stack:service_failed", String(error), { cause: error });
  }
  return { binary, host, port: options.port, socketPath: paths.socket, adminConnection, initialisedDataDir, process: server, stop };
}
