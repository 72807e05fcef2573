import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { FomoError } from "../../../lib/errors";
import { runCommand } from "../prerequisites/run-command";

/** A Kafka cluster id: 16 random bytes, base64url without padding, never starting with "-". */
export function newClusterId(): string {
  for (;;) {
    const id = crypto.randomBytes(16).toString("base64url");
    if (!id.startsWith("-")) return id;
  }
}

export interface FormatStorageOptions {
  javaPath: string;
  libs: string;
  dataDir: string;
  serverProperties: string;
  log4j2Properties: string;
  logFile: string;
  env: NodeJS.ProcessEnv;
  /** Extra `format` arguments, e.g. `--add-scram` accounts (see broker-listeners.ts). */
  formatArguments?: string[];
}

/** True when the KRaft storage was formatted already (a later start reuses it as is). */
export function storageIsFormatted(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, "meta.properties"));
}

/** Formats the broker's KRaft storage once; returns false when it was already formatted. */
export async function formatStorageOnce(options: FormatStorageOptions): Promise<boolean> {
  if (storageIsFormatted(options.dataDir)) return false;
  fs.mkdirSync(options.dataDir, { recursive: true });
  const clusterId = newClusterId();
  try {
    const output = await runCommand(
      options.javaPath,
      [
        `-Dlog4j2.configurationFile=${options.log4j2Properties}`,
        "-cp",
        `${options.libs}/*`,
        "kafka.tools.StorageTool",
        "format",
        "-t",
        clusterId,
        "-c",
        options.serverProperties,
        ...(options.formatArguments ?? []),
      ],
      { env: options.env, timeoutMs: 90_000 },
    );
    fs.appendFileSync(options.logFile, `=== formatted storage (cluster ${clusterId})\n${output.stdout}${output.stderr}`);
  } catch (cause) {
    const detail = (cause as { detail?: string }).detail ?? "";
    fs.appendFileSync(options.logFile, `=== storage format failed\n${detail}\n`);
    throw new FomoError(
      "stack:service_failed",
      `Formatting the Kafka storage in ${options.dataDir} failed: ${detail.split("\n").slice(-3).join(" ")}. ` +
        "Run npm run demo -- --fresh to start from empty data.",
      { cause },
    );
  }
  return true;
}
