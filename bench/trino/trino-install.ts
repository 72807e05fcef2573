import fs from "node:fs";
import path from "node:path";
import { FomoError } from "../../lib/errors";
import { findMaven } from "../../server/stack/prerequisites/maven";
import { runCommand } from "../../server/stack/prerequisites/run-command";

/** The Trino release the issue names: its Kafka plugin ships Confluent's kafka-schema-registry-client. */
export const TRINO_VERSION = "476";

export interface TrinoInstall {
  /** The unpacked server, trimmed to lib/, plugin/kafka and secrets-plugin/. */
  serverDir: string;
  cliJar: string;
}

export interface TrinoInstallOptions {
  cacheDir: string;
  searchPath: string | undefined;
  log: (line: string) => void;
}

function installPaths(cacheDir: string) {
  return {
    serverDir: path.join(cacheDir, `trino-server-${TRINO_VERSION}`),
    cliJar: path.join(cacheDir, `trino-cli-${TRINO_VERSION}-executable.jar`),
    marker: path.join(cacheDir, `.installed-${TRINO_VERSION}`),
    // A local repository of our own, so the 820 MB tarball can be deleted once unpacked without touching ~/.m2.
    localRepository: path.join(cacheDir, "m2"),
    download: path.join(cacheDir, "download"),
    fetchLog: path.join(cacheDir, "fetch.log"),
  };
}

async function mavenCopy(mvn: string, artifact: string, outputDirectory: string, localRepository: string, fetchLog: string): Promise<void> {
  try {
    const output = await runCommand(
      mvn,
      [
        "-B",
        "-q",
        `-Dmaven.repo.local=${localRepository}`,
        "dependency:copy",
        `-Dartifact=${artifact}`,
        `-DoutputDirectory=${outputDirectory}`,
      ],
      { timeoutMs: 60 * 60_000 },
    );
    fs.appendFileSync(fetchLog, `${artifact}\n${output.stdout}${output.stderr}`);
  } catch (cause) {
    fs.appendFileSync(fetchLog, `${artifact}\n${(cause as { detail?: string }).detail ?? String(cause)}\n`);
    throw new FomoError(
      "stack:missing_prerequisite",
      `Maven could not download ${artifact} (see ${fetchLog}). Check the access to Maven's central repository ` +
        "(or your ~/.m2/settings.xml mirror), then run npm run trino-check again.",
      { cause },
    );
  }
}

/**
 * Fetches io.trino:trino-server (tar.gz) and io.trino:trino-cli (executable jar) with Maven once
 * into the cache dir, keeps only what a single coordinator with the Kafka connector needs (lib/,
 * plugin/kafka, secrets-plugin/ and the notices) and deletes the archive. A marker file makes
 * later runs skip all of it.
 */
export async function ensureTrinoInstalled(options: TrinoInstallOptions): Promise<TrinoInstall> {
  const paths = installPaths(options.cacheDir);
  if (fs.existsSync(paths.marker) && fs.existsSync(paths.cliJar) && fs.existsSync(paths.serverDir)) {
    return { serverDir: paths.serverDir, cliJar: paths.cliJar };
  }
  const mvn = findMaven(options.searchPath);
  fs.mkdirSync(paths.download, { recursive: true });
  fs.writeFileSync(paths.fetchLog, "");

  options.log(`downloading io.trino:trino-server:${TRINO_VERSION} (about 820 MB, first run only) with Maven...`);
  await mavenCopy(mvn, `io.trino:trino-server:${TRINO_VERSION}:tar.gz`, paths.download, paths.localRepository, paths.fetchLog);
  await mavenCopy(mvn, `io.trino:trino-cli:${TRINO_VERSION}:jar:executable`, paths.download, paths.localRepository, paths.fetchLog);

  const archive = path.join(paths.download, `trino-server-${TRINO_VERSION}.tar.gz`);
  const unpacking = path.join(options.cacheDir, `unpacking-${TRINO_VERSION}`);
  fs.rmSync(unpacking, { recursive: true, force: true });
  fs.mkdirSync(unpacking, { recursive: true });
  options.log("unpacking, then keeping only lib/, plugin/kafka and secrets-plugin/...");
  const top = `trino-server-${TRINO_VERSION}`;
  // The archive hard-links jars shared by several plugins, so a partial extraction would miss
  // some: unpack all of it, then delete the other plugins (the kafka plugin's links keep their data).
  try {
    await runCommand("tar", ["-xzf", archive, "-C", unpacking], { timeoutMs: 20 * 60_000 });
  } catch (cause) {
    throw new FomoError("stack:service_failed", `Could not unpack ${archive}: ${(cause as { detail?: string }).detail ?? ""}`, { cause });
  }
  const pluginDir = path.join(unpacking, top, "plugin");
  for (const plugin of fs.readdirSync(pluginDir)) {
    if (plugin !== "kafka") fs.rmSync(path.join(pluginDir, plugin), { recursive: true, force: true });
  }
  // The launcher binaries are not used: the check starts the server class with the JDK itself.
  fs.rmSync(path.join(unpacking, top, "bin"), { recursive: true, force: true });
  const unpacked = path.join(unpacking, top);
  const kafkaJars = fs.readdirSync(path.join(unpacked, "plugin", "kafka")).filter((file) => file.endsWith(".jar"));
  const registryClient = kafkaJars.find((file) => file.includes("kafka-schema-registry-client"));
  if (!registryClient) {
    throw new FomoError(
      "stack:service_failed",
      `plugin/kafka of ${archive} has no kafka-schema-registry-client jar: not the expected Trino build`,
    );
  }
  fs.rmSync(paths.serverDir, { recursive: true, force: true });
  fs.renameSync(unpacked, paths.serverDir);
  fs.rmSync(unpacking, { recursive: true, force: true });
  fs.renameSync(path.join(paths.download, path.basename(paths.cliJar)), paths.cliJar);

  // What stays: the trimmed server and the CLI jar (a few hundred MB instead of 1.7 GB).
  fs.rmSync(paths.download, { recursive: true, force: true });
  fs.rmSync(path.join(paths.localRepository, "io", "trino"), { recursive: true, force: true });
  fs.writeFileSync(paths.marker, `${new Date().toISOString()} ${registryClient}\n`);
  options.log(`Trino ${TRINO_VERSION} installed in ${paths.serverDir} (${kafkaJars.length} jars in plugin/kafka, ${registryClient})`);
  return { serverDir: paths.serverDir, cliJar: paths.cliJar };
}

/** The Confluent client jar Trino's Kafka plugin ships, e.g. io.confluent_kafka-schema-registry-client-7.8.0.jar. */
export function registryClientJar(serverDir: string): string {
  return fs.readdirSync(path.join(serverDir, "plugin", "kafka")).find((file) => file.includes("kafka-schema-registry-client")) ?? "none";
}
