import path from "node:path";
import { FomoError } from "../../../lib/errors";
import { findExecutable } from "./find-executable";
import { runCommand } from "./run-command";

export const MINIMUM_JAVA_MAJOR = 17;

export interface JavaRuntime {
  javaPath: string;
  major: number;
  versionLine: string;
}

/** `java -version` prints e.g. `openjdk version "17.0.15" 2025-04-15` (or `"1.8.0_392"` for Java 8). */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

const installHint =
  "Install a JDK or JRE 17+ (Debian/Ubuntu: `apt-get install openjdk-17-jre-headless`; macOS: `brew install openjdk@17`) " +
  "or point JAVA_HOME at one.";

/** Finds Java 17+ in JAVA_HOME, then on PATH; throws `stack:missing_prerequisite` with the fix. */
export async function findJavaRuntime(javaHome: string | undefined, searchPath: string | undefined): Promise<JavaRuntime> {
  const javaPath = javaHome ? findExecutable(["java"], [path.join(javaHome, "bin")], undefined) : findExecutable(["java"], [], searchPath);
  if (!javaPath) {
    const where = javaHome ? `JAVA_HOME=${javaHome} has no bin/java` : "no `java` on PATH and JAVA_HOME is not set";
    throw new FomoError(
      "stack:missing_prerequisite",
      `Java ${MINIMUM_JAVA_MAJOR}+ is required to run the Kafka broker, but ${where}. ${installHint}`,
    );
  }
  let output: string;
  try {
    const { stdout, stderr } = await runCommand(javaPath, ["-version"], { timeoutMs: 20_000 });
    output = `${stderr}\n${stdout}`;
  } catch (cause) {
    throw new FomoError("stack:missing_prerequisite", `${javaPath} -version failed. ${installHint}`, { cause });
  }
  const major = parseJavaMajor(output);
  const versionLine = output.trim().split("\n")[0] ?? "";
  if (major === undefined || major < MINIMUM_JAVA_MAJOR) {
    throw new FomoError(
      "stack:missing_prerequisite",
      `Java ${MINIMUM_JAVA_MAJOR}+ is required to run the Kafka broker, but ${javaPath} is "${versionLine}". ${installHint}`,
    );
  }
  return { javaPath, major, versionLine };
}
