import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { FomoError } from "../../../lib/errors";
import { findMaven } from "../prerequisites/maven";
import { runCommand } from "../prerequisites/run-command";
import { kafkaPaths } from "./kafka-paths";

export interface KafkaJarsOptions {
  stackDir: string;
  pomPath: string;
  searchPath: string | undefined;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}

function markerFile(libs: string, pomPath: string): string {
  const hash = crypto.createHash("sha256").update(fs.readFileSync(pomPath)).digest("hex").slice(0, 16);
  return path.join(libs, `.fetched-${hash}`);
}

/** True when the jars for this pom are already in the stack dir (so Maven is not needed). */
export function kafkaJarsPresent(stackDir: string, pomPath: string): boolean {
  return fs.existsSync(markerFile(kafkaPaths(stackDir).libs, pomPath));
}

/**
 * Fetches the broker's jars with Maven once per pom version into `<stackDir>/kafka/libs`; a
 * marker named after the pom's hash makes later starts skip Maven entirely.
 */
export async function ensureKafkaJars(options: KafkaJarsOptions): Promise<string> {
  const { libs, fetchLogFile } = kafkaPaths(options.stackDir);
  const marker = markerFile(libs, options.pomPath);
  if (fs.existsSync(marker)) return libs;
  const mvn = findMaven(options.searchPath);
  options.log("downloading the Kafka broker jars with Maven (first run only)...");
  // Jars of another pom version would mix on the classpath: start from an empty directory.
  fs.rmSync(libs, { recursive: true, force: true });
  fs.mkdirSync(libs, { recursive: true });
  fs.mkdirSync(path.dirname(fetchLogFile), { recursive: true });
  try {
    const output = await runCommand(mvn, ["-q", "-B", "-f", options.pomPath, "dependency:copy-dependencies", `-DoutputDirectory=${libs}`], {
      env: options.env,
      timeoutMs: 15 * 60_000,
    });
    fs.writeFileSync(fetchLogFile, `${output.stdout}${output.stderr}`);
  } catch (cause) {
    const detail = (cause as { detail?: string }).detail ?? "";
    fs.writeFileSync(fetchLogFile, detail);
    throw new FomoError(
      "stack:missing_prerequisite",
      `Maven could not download the Kafka broker jars (see ${fetchLogFile}). Check the network access to Maven's ` +
        "central repository (or your ~/.m2/settings.xml mirror), then run npm run demo again.",
      { cause },
    );
  }
  const jarCount = fs.readdirSync(libs).filter((file) => file.endsWith(".jar")).length;
  if (jarCount === 0) {
    throw new FomoError("stack:service_failed", `Maven ran but put no jar in ${libs}; see ${fetchLogFile}.`);
  }
  fs.writeFileSync(marker, `${new Date().toISOString()}\n`);
  options.log(`fetched ${jarCount} Kafka jars into ${libs}`);
  return libs;
}
