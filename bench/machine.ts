import fs from "node:fs";
import os from "node:os";
import { version as duckdbVersion } from "@duckdb/node-api";

/** What the benchmark ran on, for the results table. */
export interface MachineInfo {
  cpuModel: string;
  cores: number;
  ramGiB: number;
  os: string;
  node: string;
  duckdb: string;
  kafka: string;
  warehouse: string;
  /** 1-minute load average when the run started: a shared machine makes every figure slower. */
  loadAverage1m: number;
}

function kafkaVersionFromPom(): string {
  try {
    const pom = fs.readFileSync("infra/kafka/pom.xml", "utf8");
    return /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pom)?.[1] ?? "unknown";
  } catch {
    return "unknown";
  }
}

export function machineInfo(options: { kafkaDescription: string; warehouseVersion: string }): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    ramGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    duckdb: duckdbVersion(),
    kafka: `${kafkaVersionFromPom()} (${options.kafkaDescription})`,
    warehouse: options.warehouseVersion,
    loadAverage1m: Math.round((os.loadavg()[0] ?? 0) * 10) / 10,
  };
}
