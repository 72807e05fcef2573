import fs from "node:fs";
import path from "node:path";
import type { QueryResult } from "../../lib/api/query";
import { FomoError } from "../../lib/errors";
import { loadConfig } from "../../server/config";
import { trinoCliVersion, type TrinoCli } from "./trino-cli";
import { kafkaCatalogProperties, writeTrinoEtc } from "./trino-etc";
import { ensureTrinoInstalled, registryClientJar, type TrinoInstall } from "./trino-install";
import { findTrinoJava, type TrinoJava } from "./trino-java";
import type { TrinoCheckOptions } from "./trino-options";
import { freePort } from "../../server/stack/testing/free-port";
import { startTrinoServer } from "./trino-server";
import { runTrinoStatement, type TrinoSession } from "./trino-statement";

export interface RunningTrino {
  session: TrinoSession;
  cli: TrinoCli;
  statement(sql: string): Promise<QueryResult>;
}

export interface TrinoFacts {
  serverVersion: string;
  cliVersion: string;
  java: string;
  registryClientJar: string;
  startMs: number;
  heap: string;
}

/** Trino lists a topic once its `<topic>-value` subject is in the registry (its subject cache refreshes every second). */
async function waitForTable(trino: RunningTrino, topic: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let tables: string[] = [];
  while (Date.now() < deadline) {
    tables = (await trino.statement("SHOW TABLES")).rows.map((row) => String(row[0]));
    if (tables.includes(topic)) return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new FomoError(
    "not_found:trino_table",
    `Trino lists no table ${topic} after ${timeoutMs / 1000} s (it sees ${tables.length} tables: ${tables.slice(0, 20).join(", ")}). ` +
      `Is the subject ${topic}-value registered in the registry Trino reads?`,
  );
}

export interface PreparedTrino {
  java: TrinoJava;
  install: TrinoInstall;
}

/** Finds a JDK 24+ and installs Trino when needed: done first, so a missing prerequisite stops the check before it writes anything. */
export async function prepareTrino(options: TrinoCheckOptions, log: (line: string) => void): Promise<PreparedTrino> {
  const java = await findTrinoJava(options.javaHome);
  log(`Java for Trino: ${java.versionLine} (${java.javaPath})`);
  const install = await ensureTrinoInstalled({ cacheDir: options.cacheDir, searchPath: loadConfig().searchPath, log });
  return { java, install };
}

/**
 * Starts Trino on a run directory of its own with the `kafka` catalog
 * on our brokers and registry, waits for the topic's table, hands it to `work`, and always stops
 * it (no orphan JVM). The run directory (config, server.log) is kept when something failed.
 */
export async function runCheckedTrino<T>(
  context: {
    prepared: PreparedTrino;
    options: TrinoCheckOptions;
    registryUrl: string;
    topic: string;
    stamp: string;
    log: (line: string) => void;
  },
  work: (trino: RunningTrino) => Promise<T>,
): Promise<T & { trino: TrinoFacts; catalogProperties: string }> {
  const { options, log } = context;
  const { java, install } = context.prepared;
  const runDir = path.join(options.cacheDir, "runs", context.stamp);
  const port = options.trinoPort || (await freePort());
  const catalog = { brokers: options.brokers, registryUrl: context.registryUrl, registryAuth: options.registryAuth };
  const etc = writeTrinoEtc({ ...catalog, runDir, serverDir: install.serverDir, port, heap: options.heap });
  let succeeded = false;
  const server = await startTrinoServer({
    javaPath: java.javaPath,
    serverDir: install.serverDir,
    etc,
    port,
    runDir,
    startTimeoutMs: 300_000,
    log,
  });
  try {
    const session: TrinoSession = { url: server.url, catalog: "kafka", schema: "default" };
    const trino: RunningTrino = {
      session,
      cli: { javaPath: java.javaPath, cliJar: install.cliJar },
      statement: (sql) => runTrinoStatement(session, sql),
    };
    await waitForTable(trino, context.topic, 30_000);
    const cliVersion = await trinoCliVersion(trino.cli);
    const result = await work(trino);
    succeeded = true;
    const masked = options.registryAuth
      ? { ...catalog, registryAuth: { username: options.registryAuth.username, password: "***" } }
      : catalog;
    return {
      ...result,
      trino: {
        serverVersion: server.version,
        cliVersion,
        java: java.versionLine,
        registryClientJar: registryClientJar(install.serverDir),
        startMs: server.startMs,
        heap: options.heap,
      },
      catalogProperties: kafkaCatalogProperties(masked),
    };
  } finally {
    await server.stop();
    log("Trino stopped");
    if (succeeded && !options.keepRunDir) fs.rmSync(runDir, { recursive: true, force: true });
    else log(`Trino's run directory (config, server.log): ${runDir}`);
  }
}
