import fs from "node:fs";
import path from "node:path";
import { FomoError } from "../../lib/errors";
import { parseJavaMajor } from "../../server/stack/prerequisites/java-runtime";
import { runCommand } from "../../server/stack/prerequisites/run-command";

/** Trino 476 refuses to start on a JDK older than 24 (the demo's broker is happy with 17). */
export const TRINO_MINIMUM_JAVA_MAJOR = 24;

export interface TrinoJava {
  javaPath: string;
  major: number;
  versionLine: string;
}

const JVM_ROOT = "/usr/lib/jvm";

async function probe(javaHome: string): Promise<TrinoJava | undefined> {
  const javaPath = path.join(javaHome, "bin", "java");
  if (!fs.existsSync(javaPath)) return undefined;
  try {
    const { stdout, stderr } = await runCommand(javaPath, ["-version"], { timeoutMs: 20_000 });
    const output = `${stderr}\n${stdout}`.trim();
    const major = parseJavaMajor(output);
    return major === undefined ? undefined : { javaPath, major, versionLine: output.split("\n")[0] ?? "" };
  } catch {
    return undefined;
  }
}

/** `--java-home` when given, else the newest JDK 24+ under /usr/lib/jvm (Temurin 25 on our machines). */
export async function findTrinoJava(javaHome: string | undefined): Promise<TrinoJava> {
  const homes = javaHome ? [javaHome] : fs.existsSync(JVM_ROOT) ? fs.readdirSync(JVM_ROOT).map((entry) => path.join(JVM_ROOT, entry)) : [];
  const found = (await Promise.all(homes.map(probe))).filter((java): java is TrinoJava => java !== undefined);
  const best = found.sort((a, b) => b.major - a.major)[0];
  if (!best || best.major < TRINO_MINIMUM_JAVA_MAJOR) {
    const where = javaHome
      ? `--java-home ${javaHome} is ${best?.versionLine ?? "not a JDK"}`
      : `no JDK ${TRINO_MINIMUM_JAVA_MAJOR}+ under ${JVM_ROOT}`;
    throw new FomoError(
      "stack:missing_prerequisite",
      `Trino needs Java ${TRINO_MINIMUM_JAVA_MAJOR}+, but ${where}. Install Eclipse Temurin 25 (Debian/Ubuntu: the temurin-25-jdk ` +
        "package from Adoptium's apt repository) and pass --java-home <its directory> if it is not under /usr/lib/jvm.",
    );
  }
  return best;
}
