import path from "node:path";
import { FomoError } from "../../../lib/errors";
import { findExecutable, isExecutableFile } from "../prerequisites/find-executable";
import { runCommand } from "../prerequisites/run-command";

export interface WarehouseServerBinary {
  serverPath: string;
  flavor: "mariadb" | "mysql";
  versionLine: string;
  /** mariadb-install-db / mysql_install_db (MariaDB only; MySQL initialises with mysqld itself). */
  installDbPath: string | undefined;
  /** The installation prefix (the binary's directory's parent), passed as --basedir. */
  baseDir: string;
}

const SERVER_NAMES = ["mariadbd", "mysqld"];
const WELL_KNOWN_DIRECTORIES = ["/usr/sbin", "/usr/local/mysql/bin", "/usr/local/bin", "/opt/homebrew/bin", "/usr/local/opt/mariadb/bin"];

const installHint =
  "Install a MariaDB or MySQL server (Debian/Ubuntu: `apt-get install mariadb-server`; macOS: `brew install mariadb`), " +
  "set MARIADB_BIN to the path of mariadbd/mysqld, or set MYSQL_URL to use an existing server.";

function findInstallDb(serverPath: string, searchPath: string | undefined): string | undefined {
  const directory = path.dirname(serverPath);
  const siblings = [directory, path.join(directory, "..", "bin"), path.join(directory, "..", "scripts")];
  return findExecutable(["mariadb-install-db", "mysql_install_db"], siblings, searchPath);
}

/** Finds mariadbd/mysqld (MARIADB_BIN, then PATH, then the usual directories); throws with the fix. */
export async function findWarehouseServer(
  mariadbBin: string | undefined,
  searchPath: string | undefined,
  wellKnownDirectories: string[] = WELL_KNOWN_DIRECTORIES,
): Promise<WarehouseServerBinary> {
  let serverPath: string | undefined;
  if (mariadbBin) {
    if (!isExecutableFile(mariadbBin)) {
      throw new FomoError("stack:missing_prerequisite", `MARIADB_BIN=${mariadbBin} is not an executable file. ${installHint}`);
    }
    serverPath = mariadbBin;
  } else {
    serverPath = findExecutable(SERVER_NAMES, [], searchPath) ?? findExecutable(SERVER_NAMES, wellKnownDirectories, undefined);
  }
  if (!serverPath) {
    throw new FomoError(
      "stack:missing_prerequisite",
      `No MariaDB/MySQL server binary (mariadbd or mysqld) found on PATH or in ${wellKnownDirectories.join(", ")}. ${installHint}`,
    );
  }
  let versionLine: string;
  try {
    versionLine = (await runCommand(serverPath, ["--version"], { timeoutMs: 15_000 })).stdout.trim();
  } catch (cause) {
    throw new FomoError("stack:missing_prerequisite", `${serverPath} --version failed, so it cannot be used. ${installHint}`, { cause });
  }
  const flavor = /mariadb/i.test(versionLine) ? "mariadb" : "mysql";
  const installDbPath = flavor === "mariadb" ? findInstallDb(serverPath, searchPath) : undefined;
  if (flavor === "mariadb" && !installDbPath) {
    throw new FomoError(
      "stack:missing_prerequisite",
      `Found ${serverPath} but not mariadb-install-db next to it or on PATH, so its data dir cannot be initialised. ${installHint}`,
    );
  }
  return { serverPath, flavor, versionLine, installDbPath, baseDir: path.resolve(path.dirname(serverPath), "..") };
}
